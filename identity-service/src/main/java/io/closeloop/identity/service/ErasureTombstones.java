package io.closeloop.identity.service;

import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.domain.Tombstone;
import io.closeloop.identity.repository.TombstoneRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps erased persons erased. An event that carries any erased identifier is dropped as a whole and only
 * counted: its other identifiers (a device, a click id) belonged to the erased person too, so resolving it
 * would start rebuilding that person.
 */
@ApplicationScoped
public class ErasureTombstones {

    private static final Logger LOG = Logger.getLogger(ErasureTombstones.class);

    private final TombstoneRepository tombstones;
    private final ComplianceConfig config;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public ErasureTombstones(TombstoneRepository tombstones, ComplianceConfig config) {
        this.tombstones = tombstones;
        this.config = config;
    }

    /** Runs {@code resolve} unless the event names an erased identifier; then the event is only counted. */
    public Uni<Void> unlessErased(String tenant, List<IdentifierRef> identifiers, Supplier<Uni<Void>> resolve) {
        return admits(tenant, identifiers).chain(admitted -> admitted ? resolve.get() : Uni.createFrom().voidItem());
    }

    /** True when the event may be resolved; false (and counted) when it names an erased identifier. */
    public Uni<Boolean> admits(String tenant, List<IdentifierRef> identifiers) {
        if (identifiers == null || identifiers.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        return tombstones.anyOf(tenant, digests(tenant, identifiers)).chain(erased -> {
            if (!erased) {
                return Uni.createFrom().item(true);
            }
            LOG.debugf("tenant %s: dropped an event that carries an erased identifier", tenant);
            return tombstones.countDropped(tenant, Instant.now().atZone(ZoneOffset.UTC).toLocalDate())
                    .replaceWith(false);
        });
    }

    public Uni<Void> bury(String tenant, java.util.UUID requestId, Collection<IdentifierRef> identifiers) {
        return tombstones.add(tenant, requestId, digests(tenant, identifiers));
    }

    private List<String> digests(String tenant, Collection<IdentifierRef> identifiers) {
        byte[] key = keys.computeIfAbsent(tenant, t -> Tombstone.tenantKey(config.tombstoneSecret(), t));
        // A caller number is a phone: one tombstone stops both spellings.
        return EventFacts.normalize(List.copyOf(identifiers)).stream()
                .map(i -> Tombstone.digest(key, i.kind(), i.value())).distinct().toList();
    }
}
