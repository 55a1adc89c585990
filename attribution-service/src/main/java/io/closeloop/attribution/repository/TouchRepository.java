package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.JourneyTouch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TouchRepository implements PanacheRepositoryBase<JourneyTouch, JourneyTouch.Key> {

    /** The latest resolution of a touch wins: identity may re-stitch it to another person. */
    private static final String UPSERT = "insert into journey_touch"
            + " (tenant, event_id, person_id, occurred_at, channel, utm_source, utm_medium, utm_campaign,"
            + " link_confidence) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            + " on conflict (tenant, event_id) do update set person_id = excluded.person_id,"
            + " occurred_at = excluded.occurred_at, channel = excluded.channel, utm_source = excluded.utm_source,"
            + " utm_medium = excluded.utm_medium, utm_campaign = excluded.utm_campaign,"
            + " link_confidence = excluded.link_confidence, stored_at = now()";

    public Uni<Void> upsert(JourneyTouch touch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, touch.tenant)
                        .setParameter(2, touch.eventId)
                        .setParameter(3, touch.personId)
                        .setParameter(4, OffsetDateTime.ofInstant(touch.occurredAt, ZoneOffset.UTC))
                        .setParameter(5, touch.channel)
                        .setParameter(6, touch.utmSource)
                        .setParameter(7, touch.utmMedium)
                        .setParameter(8, touch.utmCampaign)
                        .setParameter(9, touch.linkConfidence)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The person's touches in [{@code from}, {@code before}): everything a conversion at {@code before} may use. */
    public Uni<List<JourneyTouch>> journey(String tenant, UUID personId, Instant from, Instant before) {
        return list("tenant = ?1 and personId = ?2 and occurredAt >= ?3 and occurredAt < ?4",
                tenant, personId, from, before);
    }

    /** The touches of several persons (an account's contacts) in [{@code from}, {@code before}). */
    public Uni<List<JourneyTouch>> journeys(String tenant, List<UUID> personIds, Instant from, Instant before) {
        return list("tenant = ?1 and personId in ?2 and occurredAt >= ?3 and occurredAt < ?4",
                tenant, personIds, from, before);
    }

    /** The tenant's touches in [{@code from}, {@code before}). */
    public Uni<List<JourneyTouch>> inPeriod(String tenant, Instant from, Instant before) {
        return list("tenant = ?1 and occurredAt >= ?2 and occurredAt < ?3", tenant, from, before);
    }

    /** Moves touches to another person: all of {@code from}'s, or only those with the listed event ids. */
    public Uni<Integer> move(String tenant, UUID from, UUID to, List<UUID> eventIds) {
        return eventIds == null || eventIds.isEmpty()
                ? update("personId = ?1 where tenant = ?2 and personId = ?3", to, tenant, from)
                : update("personId = ?1 where tenant = ?2 and personId = ?3 and eventId in ?4", to, tenant, from,
                        eventIds);
    }
}
