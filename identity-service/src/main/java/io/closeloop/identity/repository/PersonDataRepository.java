package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.instant;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything identity holds about a person, for erasure, access exports and retention. Every statement is
 * scoped to one tenant.
 */
@ApplicationScoped
public class PersonDataRepository {

    /**
     * Person-level tables and the column naming the person, children before {@code person}. Tables another part
     * of identity adds later are erased as soon as they exist; a new person-level table must be listed here.
     */
    static final List<PersonColumn> PERSON_LEVEL = List.of(
            new PersonColumn("identifier", "person_id"),
            new PersonColumn("person_export_hash", "person_id"),
            new PersonColumn("person_event", "person_id"),
            new PersonColumn("match_feature", "person_id"),
            new PersonColumn("match_block", "person_id"),
            new PersonColumn("consent_signal", "person_id"),
            new PersonColumn("device_person", "person_id"),
            new PersonColumn("merge_review", "person_id"),
            new PersonColumn("merge_review", "other_person_id"),
            new PersonColumn("person", "person_id"));

    record PersonColumn(String table, String column) {
    }

    /** A stored identifier of a person. */
    public record StoredIdentifier(UUID personId, IdentifierRef identifier, Instant firstSeenAt) {
    }

    /** An export hash seen on a person's events. */
    public record StoredHash(UUID personId, String kind, String hash) {
    }

    /** One stitched event of a person. */
    public record StoredEvent(UUID personId, UUID eventId, String kind, Instant occurredAt, String channel,
                              String conversionId) {
    }

    /** One consent signal of a person. */
    public record StoredConsent(UUID personId, String purpose, String state, String source, Instant occurredAt) {
    }

    public Uni<Set<UUID>> ownersOf(String tenant, Collection<IdentifierRef> identifiers) {
        Set<UUID> persons = new LinkedHashSet<>();
        return Multi.createFrom().iterable(identifiers)
                .onItem().transformToUniAndConcatenate(id -> texts(
                        "select person_id::text from identifier where tenant = ?1 and kind = ?2 and value = ?3",
                        tenant, id.kind().code(), id.value()))
                .invoke(rows -> rows.forEach(row -> persons.add(UUID.fromString(row))))
                .collect().last()
                .replaceWith(persons);
    }

    public Uni<Set<UUID>> holdersOfHashes(String tenant, Collection<String> hashes) {
        return texts("select distinct person_id::text from person_export_hash where tenant = ?1"
                + " and hash = any(string_to_array(cast(?2 as text), ','))", tenant, Sql.joinedText(hashes))
                .map(PersonDataRepository::uuidSet);
    }

    /** The given persons that exist, with every person merged into them or they into (the whole cluster). */
    public Uni<Set<UUID>> cluster(String tenant, Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return hasColumn("person", "merged_into").chain(merges -> texts(merges
                ? "with recursive up(id) as (select person_id from person where tenant = ?1 and person_id = any("
                        + Sql.uuidArray(2) + ") union select p.merged_into from person p join up on p.person_id = up.id"
                        + " where p.tenant = ?1 and p.merged_into is not null),"
                        + " down(id) as (select id from up union select p.person_id from person p"
                        + " join down on p.merged_into = down.id where p.tenant = ?1)"
                        + " select distinct id::text from down"
                : "select person_id::text from person where tenant = ?1 and person_id = any(" + Sql.uuidArray(2) + ")",
                tenant, Sql.joined(persons)))
                .map(PersonDataRepository::uuidSet);
    }

    public Uni<List<StoredIdentifier>> identifiersOf(String tenant, Collection<UUID> persons) {
        return Sql.tuples("select person_id::text, kind, value, trust, first_seen_at from identifier where tenant = ?1"
                + " and person_id = any(" + Sql.uuidArray(2) + ") order by kind, value", tenant, Sql.joined(persons))
                .map(rows -> rows.stream().map(r -> new StoredIdentifier(
                        uuid(r, "person_id"),
                        new IdentifierRef(kind(text(r, "kind")), text(r, "value"), trust(text(r, "trust"))),
                        instant(r, "first_seen_at"))).toList());
    }

    public Uni<List<StoredHash>> hashesOf(String tenant, Collection<UUID> persons) {
        return Sql.tuples("select person_id::text, kind, hash from person_export_hash where tenant = ?1"
                + " and person_id = any(" + Sql.uuidArray(2) + ") order by kind, hash", tenant, Sql.joined(persons))
                .map(rows -> rows.stream().map(r -> new StoredHash(
                        uuid(r, "person_id"), text(r, "kind"), text(r, "hash"))).toList());
    }

    public Uni<List<StoredEvent>> eventsOf(String tenant, Collection<UUID> persons) {
        return Sql.tuples("select person_id::text, event_id::text, kind, occurred_at, channel, conversion_id"
                + " from person_event where tenant = ?1 and person_id = any(" + Sql.uuidArray(2) + ")"
                + " order by occurred_at, event_id", tenant, Sql.joined(persons))
                .map(rows -> rows.stream().map(r -> new StoredEvent(
                        uuid(r, "person_id"), uuid(r, "event_id"), text(r, "kind"),
                        instant(r, "occurred_at"), text(r, "channel"), text(r, "conversion_id"))).toList());
    }

    /** Consent signals, once the consent part of identity stores them; none before. */
    public Uni<List<StoredConsent>> consentOf(String tenant, Collection<UUID> persons) {
        return existing(List.of("consent_signal")).chain(tables -> tables.isEmpty()
                ? Uni.createFrom().item(List.<StoredConsent>of())
                : Sql.tuples("select person_id::text, purpose, state, source, occurred_at from consent_signal"
                        + " where tenant = ?1 and person_id = any(" + Sql.uuidArray(2) + ")"
                        + " order by occurred_at, purpose", tenant, Sql.joined(persons))
                        .map(rows -> rows.stream().map(r -> new StoredConsent(
                                uuid(r, "person_id"), text(r, "purpose"), text(r, "state"),
                                text(r, "source"), instant(r, "occurred_at"))).toList()));
    }

    /** Deletes every person-level row of the persons; returns how many rows went. */
    public Uni<Long> erase(String tenant, Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        long[] rows = {0};
        return existing(PERSON_LEVEL.stream().map(PersonColumn::table).distinct().toList())
                .chain(tables -> Multi.createFrom().iterable(PERSON_LEVEL)
                        .filter(pc -> tables.contains(pc.table()))
                        .onItem().transformToUniAndConcatenate(pc -> update("delete from " + pc.table()
                                        + " where tenant = ?1 and " + pc.column() + " = any(" + Sql.uuidArray(2) + ")",
                                tenant, Sql.joined(persons)).invoke(n -> rows[0] += n))
                        .collect().last())
                .map(ignored -> rows[0]);
    }

    /**
     * Persons of the tenant created before {@code cutoff} without any event at or after it: their data is older
     * than the retention allows.
     */
    public Uni<Set<UUID>> inactiveSince(String tenant, Instant cutoff) {
        return texts("select p.person_id::text from person p where p.tenant = ?1 and p.created_at < ?2"
                + " and not exists (select 1 from person_event e where e.tenant = p.tenant"
                + " and e.person_id = p.person_id and e.occurred_at >= ?2)", tenant, Sql.utc(cutoff))
                .map(PersonDataRepository::uuidSet);
    }

    public Uni<List<String>> tenants() {
        return texts("select distinct tenant from person order by tenant")
                .map(List::copyOf);
    }

    /** Remembers a stitched event; a second writer of the same event (a redelivery, the graph) is a no-op. */
    public Uni<Void> recordHashes(String tenant, UUID personId, Map<String, String> hashes) {
        if (hashes == null || hashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(hashes.entrySet())
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .onItem().transformToUniAndConcatenate(e -> update("insert into person_export_hash"
                        + " (tenant, person_id, kind, hash) values (?1, ?2, ?3, ?4) on conflict do nothing",
                        tenant, personId, e.getKey(), e.getValue()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Set<String>> existing(List<String> tables) {
        return texts("select cast(table_name as text) from information_schema.tables"
                        + " where table_schema = current_schema()"
                        + " and table_name = any(string_to_array(cast(?1 as text), ','))", Sql.joinedText(tables))
                .map(Set::copyOf);
    }

    private Uni<Boolean> hasColumn(String table, String column) {
        return texts("select cast(column_name as text) from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = ?1 and column_name = ?2",
                table, column)
                .map(rows -> !rows.isEmpty());
    }

    private static Uni<List<String>> texts(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    private static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    private static Set<UUID> uuidSet(List<String> rows) {
        return rows.stream().map(r -> UUID.fromString(r.toString()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static IdentifierKind kind(String code) {
        return Arrays.stream(IdentifierKind.values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown identifier kind " + code));
    }

    private static Trust trust(String code) {
        return Trust.valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
