package io.closeloop.ingest.service.compliance;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.repository.ErasureRepository;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erases a person's raw events and confirms it on {@code erasure.confirmed} (service {@code ingest}, rows erased)
 * through the outbox, in the consumer's transaction. Replay can then never bring the events back.
 */
@ApplicationScoped
public class ErasureService {

    static final String SERVICE = "ingest";

    private final ErasureRepository repository;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ErasureService(ErasureRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    public Uni<Void> erase(ErasureRequested request) {
        List<IdentifierRef> identifiers = request.identifiers() == null ? List.of() : request.identifiers();
        String ids = Json.write(identifiers.stream()
                .map(i -> Map.of("kind", i.kind().code(), "value", i.value())).toList());
        String hashes = Json.write(request.exportHashes() == null ? List.of() : request.exportHashes());
        return repository.deleteRawEvents(request.tenant(), ids, hashes)
                .chain(erased -> outbox.publish(Topics.ERASURE_CONFIRMED,
                        Keys.request(request.tenant(), request.requestId()),
                        new ErasureConfirmed(request.tenant(), request.requestId(), SERVICE, clock.instant(), erased),
                        confirmationId(request)));
    }

    /** One confirmation id per request, so a redelivered request cannot confirm twice under two ids. */
    static UUID confirmationId(ErasureRequested request) {
        return UUID.nameUUIDFromBytes(("erasure.confirmed\n" + SERVICE + "\n" + request.tenant() + "\n"
                + request.requestId()).getBytes(StandardCharsets.UTF_8));
    }
}
