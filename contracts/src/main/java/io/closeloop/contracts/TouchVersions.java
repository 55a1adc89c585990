package io.closeloop.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A touch published again with a new classification (ingest's reclassification) is a new version of the same
 * touch: the payload keeps the touch's {@code eventId}, which consumers key touches by, and the record gets a
 * new {@code event-id} header, so idempotent consumers process it once and apply it in place of the earlier one.
 * The version's message id is derived from the touch id and the classification revision, which travels in the
 * touch's attributes, so every producer along the way (ingest, identity) derives the same id and a re-run of the
 * same reclassification stays a duplicate.
 */
public final class TouchVersions {

    /** Attribute naming the classification revision of a reclassified touch; absent on a touch's first version. */
    public static final String REVISION_ATTRIBUTE = "classification_revision";

    private TouchVersions() {
    }

    /** The message id of a touch's version under a classification revision. */
    public static UUID messageId(UUID touchId, String revision) {
        return UUID.nameUUIDFromBytes(("reclassify:" + touchId + ":" + revision).getBytes(StandardCharsets.UTF_8));
    }

    /** The message id of the version these attributes describe: the touch id itself for a first version. */
    public static UUID messageId(UUID touchId, Map<String, String> attributes) {
        String revision = attributes == null ? null : attributes.get(REVISION_ATTRIBUTE);
        return revision == null ? touchId : messageId(touchId, revision);
    }
}
