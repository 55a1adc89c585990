package io.closeloop.ingest.service.write;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The event id of a row that brought none. With a basis (the batch's Idempotency-Key, or an upload's key or
 * file hash) it is a name-based UUID over tenant, basis and row number, so sending the same data again yields
 * the same ids and is reported as duplicate; without one it is random.
 */
public record RowIds(String tenant, String basis) {

    public static RowIds random(String tenant) {
        return new RowIds(tenant, null);
    }

    public UUID idFor(long row, UUID requested) {
        if (requested != null) {
            return requested;
        }
        if (basis == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((tenant + "\n" + basis + "\n" + row).getBytes(StandardCharsets.UTF_8));
    }

    /** A single event's id: the client's, or one derived from its Idempotency-Key (stable per tenant), or new. */
    public static UUID single(String tenant, UUID requested, String idempotencyKey) {
        if (requested != null) {
            return requested;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return UUID.nameUUIDFromBytes((tenant + "\n" + idempotencyKey.trim()).getBytes(StandardCharsets.UTF_8));
        }
        return UUID.randomUUID();
    }

    /** A batch's ids: derived from the kind and its Idempotency-Key when it has one. */
    public static RowIds forBatch(String tenant, String kind, String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank()
                ? random(tenant) : new RowIds(tenant, "batch:" + kind + ":" + idempotencyKey.trim());
    }

    /** An upload's ids: derived from the kind and its Idempotency-Key, else from the SHA-256 of the file. */
    public static RowIds forUpload(String tenant, String kind, String idempotencyKey, String fileSha256) {
        return new RowIds(tenant, idempotencyKey == null || idempotencyKey.isBlank()
                ? "upload:" + kind + ":sha256:" + fileSha256 : "upload:" + kind + ":key:" + idempotencyKey.trim());
    }
}
