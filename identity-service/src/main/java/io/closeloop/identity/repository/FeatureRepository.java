package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.contracts.Json;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Match features per person and their blocking keys, for probabilistic matching. Tenant-scoped. */
@ApplicationScoped
public class FeatureRepository {

    public record Candidate(UUID personId, Map<String, String> features) {
    }

    private static final TypeReference<Map<String, String>> FEATURES = new TypeReference<>() {
    };

    public Uni<Void> store(String tenant, UUID eventId, UUID person, Map<String, String> features,
                           Collection<String> blockKeys) {
        return Sql.update("insert into match_feature (tenant, event_id, person_id, features) values (?1, ?2, ?3,"
                        + " cast(cast(?4 as text) as jsonb)) on conflict do nothing", tenant, eventId, person, Json.write(features))
                .chain(() -> Multi.createFrom().iterable(blockKeys)
                        .onItem().transformToUniAndConcatenate(key -> Sql.update("insert into match_block (tenant,"
                                + " block_key, event_id, person_id) values (?1, ?2, ?3, ?4) on conflict do nothing",
                                tenant, key, eventId, person))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Stored records sharing a blocking key, with the person they belong to now; at most {@code limit}. */
    public Uni<List<Candidate>> candidates(String tenant, Collection<String> blockKeys, int limit) {
        if (blockKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Sql.tuples("select person_root(f.tenant, f.person_id)::text as person_id, f.features::text as features"
                        + " from match_feature f"
                        + " where f.tenant = ?1 and f.event_id in (select event_id from match_block"
                        + " where tenant = ?1 and block_key = any(cast(?2 as text[]))) order by f.stored_at desc limit ?3",
                        tenant, blockKeys.toArray(new String[0]), limit)
                .map(rows -> rows.stream().map(r -> new Candidate(uuid(r, "person_id"), read(text(r, "features")))).toList());
    }

    /** The tenant's newest stored feature records, at most {@code limit}. */
    public Uni<List<Map<String, String>>> recent(String tenant, int limit) {
        return Sql.tuples("select features::text as features from match_feature where tenant = ?1"
                        + " order by stored_at desc limit ?2", tenant, limit)
                .map(rows -> rows.stream().map(r -> read(text(r, "features"))).toList());
    }

    private static Map<String, String> read(String json) {
        try {
            return Json.mapper().readValue(json, FEATURES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
