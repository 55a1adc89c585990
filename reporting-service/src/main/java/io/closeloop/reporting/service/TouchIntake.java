package io.closeloop.reporting.service;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.metrics.TouchCount;
import io.closeloop.reporting.repository.Keys;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.closeloop.reporting.repository.TouchCountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;

/**
 * Counts resolved touches per tenant-zone day, channel and campaign; no person or touch id is kept. A new version of
 * a touch (a reclassification) moves its count to its new channel instead of adding one.
 */
@ApplicationScoped
public class TouchIntake {

    private final TouchCountRepository counts;
    private final TenantZoneRepository zones;

    public TouchIntake(TouchCountRepository counts, TenantZoneRepository zones) {
        this.counts = counts;
        this.zones = zones;
    }

    public Uni<Void> apply(TouchpointResolved touch) {
        if (touch.eventId() == null || touch.occurredAt() == null) {
            throw new PoisonMessageException("resolved touch needs eventId and occurredAt");
        }
        byte[] key = key(touch.tenant(), touch.eventId().toString());
        return zones.zoneOf(touch.tenant()).chain(zone -> {
            TouchCount count = new TouchCount(touch.occurredAt().atZone(ZoneId.of(zone)).toLocalDate(),
                    touch.channel() == null ? TouchCount.UNASSIGNED : touch.channel(),
                    Keys.campaign(touch.utm() == null ? null : touch.utm().campaign()),
                    touch.utm() == null ? null : touch.utm().source(),
                    touch.utm() == null ? null : touch.utm().medium(),
                    touch.consent() == null || touch.consent().allows(ConsentPurpose.MEASUREMENT));
            return counts.find(touch.tenant(), key).chain(previous -> {
                if (count.equals(previous)) {
                    // Unchanged: a redelivery, or the same touch once more; the count is already there.
                    return Uni.createFrom().voidItem();
                }
                Uni<Void> removed = previous == null ? Uni.createFrom().voidItem()
                        : counts.add(touch.tenant(), previous, -1);
                return removed.chain(() -> counts.add(touch.tenant(), count, 1))
                        .chain(() -> counts.remember(touch.tenant(), key, personKey(touch.tenant(),
                                touch.personId()), count));
            });
        });
    }

    /** A one-way key of the person: lets an erasure find the person's touch records without storing the id. */
    public static byte[] personKey(String tenant, java.util.UUID personId) {
        return personId == null ? null : key(tenant, personId.toString());
    }

    /** A one-way key of the touch: lets a later version find its count without storing the touch id. */
    static byte[] key(String tenant, String touchId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((tenant + ":" + touchId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
