package io.closeloop.ingest.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes a person's raw events: those naming any of the person's identifiers (kind and value, as identifier or
 * account identifier) or any of their export hashes. Raw events keep identifiers only inside their JSON payload,
 * so this reads the tenant's payloads as jsonb — a scan of the tenant's raw events, acceptable for a rare
 * request handled off the request path, and it needs no side table that every insert would have to write.
 */
@ApplicationScoped
public class ErasureRepository {

    private static final String DELETE = """
            delete from raw_event r where r.tenant = ?1 and (
                exists (select 1 from jsonb_array_elements(cast(cast(?2 as text) as jsonb)) x
                        where cast(r.payload as jsonb) -> 'identifiers' @> jsonb_build_array(x)
                           or cast(r.payload as jsonb) -> 'accountIdentifiers' @> jsonb_build_array(x))
                or exists (select 1 from jsonb_each_text(case jsonb_typeof(cast(r.payload as jsonb) -> 'exportHashes')
                               when 'object' then cast(r.payload as jsonb) -> 'exportHashes' else '{}' end) h
                           where h.value in (select jsonb_array_elements_text(cast(cast(?3 as text) as jsonb)))))
            """;

    /*
     * The parameters are cast to text first: the reactive driver would otherwise send a Java string for a jsonb
     * parameter as a JSON string scalar, not as the array it spells.
     */

    /**
     * @param identifiers JSON array of {@code {"kind": .., "value": ..}}
     * @param exportHashes JSON array of hex hashes
     * @return how many raw events were deleted
     */
    public Uni<Integer> deleteRawEvents(String tenant, String identifiers, String exportHashes) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE)
                .setParameter(1, tenant)
                .setParameter(2, identifiers)
                .setParameter(3, exportHashes)
                .executeUpdate());
    }
}
