package io.closeloop.attribution.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The persons identity merged away and the survivor each now belongs to. Resolved events and merges travel
 * on different topics with no order between them, so a touch or conversion resolved to a person just before
 * identity absorbed it may arrive after the merge was applied; it then joins the survivor instead of an
 * orphaned journey. Every alias points to a current survivor: merging a survivor away re-points its aliases.
 */
@ApplicationScoped
public class PersonAliases {

    private static final String REPOINT = "update person_alias set survivor_id = ?3 where tenant = ?1 and survivor_id = ?2";
    private static final String ALIAS = "insert into person_alias (tenant, person_id, survivor_id) values (?1, ?2, ?3)"
            + " on conflict (tenant, person_id) do update set survivor_id = excluded.survivor_id";
    private static final String CURRENT = "select survivor_id from person_alias where tenant = ?1 and person_id = ?2";

    public Uni<Void> merged(String tenant, UUID absorbed, UUID survivor) {
        return update(REPOINT, tenant, absorbed, survivor).chain(() -> update(ALIAS, tenant, absorbed, survivor));
    }

    public Uni<Void> unmerged(String tenant, UUID absorbed) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from person_alias where tenant = ?1 and person_id = ?2")
                        .setParameter(1, tenant)
                        .setParameter(2, absorbed)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The person {@code person} belongs to now: its survivor, or itself. */
    public Uni<UUID> current(String tenant, UUID person) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CURRENT, UUID.class)
                        .setParameter(1, tenant)
                        .setParameter(2, person)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? person : rows.get(0));
    }

    private static Uni<Void> update(String sql, String tenant, UUID absorbed, UUID survivor) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, tenant)
                        .setParameter(2, absorbed)
                        .setParameter(3, survivor)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
