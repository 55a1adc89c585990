package io.closeloop.ingest.service.compliance;

import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.ingest.repository.ErasureRepository;
import io.closeloop.messaging.Eraser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Ingest's part of an erasure: the person's raw events go, so replay can never bring them back. The shared
 * erasure participation confirms it in the same transaction.
 */
@ApplicationScoped
public class ErasureService implements Eraser {

    static final String SERVICE = "ingest";

    private final ErasureRepository repository;

    public ErasureService(ErasureRepository repository) {
        this.repository = repository;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Uni<Long> erase(ErasureRequested request) {
        List<IdentifierRef> identifiers = request.identifiers() == null ? List.of() : request.identifiers();
        String ids = Json.write(identifiers.stream()
                .map(i -> Map.of("kind", i.kind().code(), "value", i.value())).toList());
        String hashes = Json.write(request.exportHashes() == null ? List.of() : request.exportHashes());
        return repository.deleteRawEvents(request.tenant(), ids, hashes).map(Integer::longValue);
    }
}
