package io.closeloop.identity.repository;

import static io.closeloop.identity.repository.Sql.TREE;
import static io.closeloop.messaging.NativeRows.doubleValue;
import static io.closeloop.messaging.NativeRows.intValue;
import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.domain.IdentifierKey;
import io.closeloop.identity.domain.IdentifierStrength;
import io.closeloop.identity.domain.PersonProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The identity graph: merges, unmerges, the events each person brought, device sightings. Tenant-scoped. */
@ApplicationScoped
public class GraphRepository {

    /**
     * Where a known identifier points: its root person (an identifier attached by a transaction that raced a
     * merge may still name the absorbed person), the person it first attached to, trust, confidence.
     */
    public record Owner(UUID personId, UUID originPersonId, Trust trust, double confidence) {
    }

    public record PersonEvent(UUID eventId, String kind, UUID personId, Instant occurredAt, String channel,
                              String conversionId, String conversionType, double linkConfidence) {
    }

    public Uni<Map<IdentifierKey, Owner>> owners(String tenant, List<IdentifierRef> identifiers) {
        Map<IdentifierKey, Owner> owners = new HashMap<>();
        return Multi.createFrom().iterable(identifiers)
                .onItem().transformToUniAndConcatenate(identifier -> Sql.tuples("select person_root(tenant, person_id)::text as root,"
                                + " coalesce(origin_person_id, person_id)::text as origin, trust, confidence from identifier"
                                + " where tenant = ?1 and kind = ?2 and value = ?3",
                                tenant, identifier.kind().code(), identifier.value())
                        .invoke(rows -> rows.forEach(row -> owners.put(IdentifierKey.of(identifier),
                                new Owner(uuid(row, "root"), uuid(row, "origin"),
                                        "asserted".equals(text(row, "trust")) ? Trust.ASSERTED : Trust.VERIFIED,
                                        doubleValue(row, "confidence"))))))
                .collect().last()
                .replaceWith(owners);
    }

    public Uni<PersonProfile> profile(String tenant, UUID person) {
        return Sql.tuples("select " + Sql.micros("created_at") + " from person where tenant = ?1 and person_id = ?2",
                        tenant, person)
                .chain(created -> Sql.tuples("select kind, value, trust from identifier"
                                + " where tenant = ?1 and person_id = ?2", tenant, person)
                        .map(rows -> {
                            Set<String> emails = new HashSet<>();
                            Set<String> crm = new HashSet<>();
                            int strongest = PersonProfile.NONE;
                            boolean strong = false;
                            for (Tuple row : rows) {
                                IdentifierKind kind = kind(text(row, "kind"));
                                strong |= IdentifierStrength.strong(kind);
                                if (kind == IdentifierKind.EMAIL) {
                                    emails.add(text(row, "value"));
                                } else if (kind == IdentifierKind.CRM_CONTACT) {
                                    crm.add(text(row, "value"));
                                }
                                strongest = Math.min(strongest,
                                        PersonProfile.strength(kind, "verified".equals(text(row, "trust"))));
                            }
                            Instant createdAt = created.isEmpty() ? Instant.EPOCH : Sql.ofMicros(created.get(0), "created_at");
                            return new PersonProfile(person, createdAt, emails, crm, strongest, strong);
                        }));
    }

    public Uni<Map<UUID, PersonProfile>> profiles(String tenant, Collection<UUID> persons) {
        Map<UUID, PersonProfile> profiles = new HashMap<>();
        return Multi.createFrom().iterable(persons)
                .onItem().transformToUniAndConcatenate(p -> profile(tenant, p).invoke(pr -> profiles.put(p, pr)))
                .collect().last().replaceWith(profiles);
    }

    /** The kinds of strong identifier each person holds, a caller number counted as a phone. */
    public Uni<Map<UUID, Set<String>>> strongKinds(String tenant, Collection<UUID> persons) {
        return Sql.tuples("select distinct person_id, case when kind = 'caller' then 'phone' else kind end as kind"
                        + " from identifier where tenant = ?1 and person_id = any(" + Sql.uuidArray(2) + ")"
                        + " and kind in ('crm_contact', 'crm_lead', 'crm_deal', 'email', 'phone', 'caller')",
                        tenant, Sql.joined(persons))
                .map(rows -> {
                    Map<UUID, Set<String>> kinds = new HashMap<>();
                    for (Tuple row : rows) {
                        kinds.computeIfAbsent(uuid(row, "person_id"), p -> new HashSet<>()).add(text(row, "kind"));
                    }
                    return kinds;
                });
    }

    /** Points the identifiers to the person, which becomes their origin; one claimed first is left alone. */
    /**
     * Attaches identifiers nobody owned when the event was read. Another writer may have claimed one since; then
     * this fails with {@link ConcurrentResolutionException} and the consumer retries, finding the winner's person
     * (and merging if the rules allow) instead of splitting one person in two.
     */
    public Uni<Void> attach(String tenant, UUID person, List<IdentifierRef> identifiers, double confidence) {
        return Multi.createFrom().iterable(identifiers)
                .onItem().transformToUniAndConcatenate(i -> Sql.update("insert into identifier (tenant, kind, value,"
                                + " person_id, trust, origin_person_id, confidence) values (?1, ?2, ?3, ?4, ?5, ?4, ?6)"
                                + " on conflict (tenant, kind, value) do nothing",
                        tenant, i.kind().code(), i.value(), person, i.trust().code(), confidence)
                        .invoke(inserted -> {
                            if (inserted == 0) {
                                throw new ConcurrentResolutionException(tenant, IdentifierKey.of(i));
                            }
                        }))
                .collect().last().replaceWithVoid();
    }

    /** The absorbed person (a root) joins the survivor: its identifiers point to the survivor from now on. */
    public Uni<Void> merge(String tenant, UUID survivor, UUID absorbed) {
        return Sql.update("update identifier set person_id = ?3 where tenant = ?1 and person_id = ?2",
                        tenant, absorbed, survivor)
                .chain(() -> Sql.update("update person set merged_into = ?3, merged_at = now()"
                        + " where tenant = ?1 and person_id = ?2", tenant, absorbed, survivor))
                .replaceWithVoid();
    }

    /** The person {@code person} was merged into directly; null for a root or an unknown person. */
    public Uni<UUID> parent(String tenant, UUID person) {
        return Sql.tuples("select merged_into::text from person where tenant = ?1 and person_id = ?2", tenant, person)
                .map(rows -> rows.isEmpty() ? null : uuid(rows.get(0), "merged_into"));
    }

    public Uni<UUID> root(String tenant, UUID person) {
        return Sql.tuples("select person_root(?1, ?2)::text as root", tenant, person)
                .map(rows -> uuid(rows.get(0), "root"));
    }

    /** The person and everyone merged into it, directly or not. */
    public Uni<List<UUID>> tree(String tenant, UUID root) {
        return Sql.tuples(TREE + "select person_id::text from tree", tenant, root)
                .map(rows -> rows.stream().map(r -> uuid(r, "person_id")).toList());
    }

    /**
     * Undoes the merge of {@code absorbed} (with everyone merged into it) and returns the ids of the events
     * it brought, which belong to it again along with the identifiers it brought.
     */
    public Uni<List<UUID>> split(String tenant, UUID absorbed) {
        return Sql.update("update person set merged_into = null, merged_at = null where tenant = ?1 and person_id = ?2",
                        tenant, absorbed)
                .chain(() -> Sql.update(TREE + "update identifier set person_id = ?2 where tenant = ?1"
                        + " and coalesce(origin_person_id, person_id) in (select person_id from tree)", tenant, absorbed))
                .chain(() -> Sql.tuples(TREE + "select event_id::text from person_event where tenant = ?1"
                        + " and person_id in (select person_id from tree) order by occurred_at, event_id",
                        tenant, absorbed))
                .map(rows -> rows.stream().map(r -> uuid(r, "event_id")).toList());
    }

    public Uni<Void> recordEvent(String tenant, PersonEvent event) {
        return Sql.update("insert into person_event (tenant, event_id, kind, person_id, occurred_at, channel,"
                        + " conversion_id, conversion_type, link_confidence) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        // A reclassified touch comes again: it keeps its person, its channel follows.
                        + " on conflict (tenant, event_id) do update set channel = excluded.channel",
                tenant, event.eventId(), event.kind(), event.personId(), Sql.utc(event.occurredAt()), event.channel(),
                event.conversionId(), event.conversionType(), event.linkConfidence()).replaceWithVoid();
    }

    /** Whether the person (with everyone merged into it) has at least one touch. */
    public Uni<Boolean> hasTouch(String tenant, UUID root) {
        return Sql.tuples(TREE + "select count(*) as touches from person_event where tenant = ?1 and kind = 'touch'"
                        + " and person_id in (select person_id from tree)", tenant, root)
                .map(rows -> longValue(rows.get(0), "touches") > 0);
    }

    /** Notes that the devices were seen with the person; returns how many persons each device was seen with. */
    public Uni<Map<String, Integer>> sightDevices(String tenant, UUID person, Collection<String> devices) {
        Map<String, Integer> counts = new HashMap<>();
        return Multi.createFrom().iterable(devices)
                .onItem().transformToUniAndConcatenate(device -> Sql.update("insert into device_person (tenant, value,"
                                + " person_id) values (?1, ?2, ?3) on conflict do nothing", tenant, device, person)
                        .chain(() -> Sql.tuples("select count(*) as persons from device_person where tenant = ?1"
                                + " and value = ?2", tenant, device))
                        .invoke(rows -> counts.put(device, intValue(rows.get(0), "persons"))))
                .collect().last().replaceWith(counts);
    }

    private static IdentifierKind kind(String code) {
        for (IdentifierKind kind : IdentifierKind.values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown identifier kind " + code);
    }
}
