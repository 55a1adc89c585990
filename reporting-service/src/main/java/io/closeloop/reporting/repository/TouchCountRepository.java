package io.closeloop.reporting.repository;

import static io.closeloop.messaging.NativeRows.text;

import io.closeloop.messaging.NativeRows;
import io.closeloop.reporting.metrics.TouchCount;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Touch counts per day, channel and campaign, the unknown UTM values among them, and where each touch was counted
 * (by a one-way key), so that a reclassified version of a touch moves its count.
 */
@ApplicationScoped
public class TouchCountRepository {

    private static final String FIND_REF = "select day, channel, campaign, source, medium, measured"
            + " from touch_count_ref where tenant = ?1 and touch_key = ?2";
    private static final String UPSERT_REF = "insert into touch_count_ref (tenant, touch_key, day, channel, campaign,"
            + " source, medium, measured, person_key) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            + " on conflict (tenant, touch_key) do update set day = excluded.day, channel = excluded.channel,"
            + " campaign = excluded.campaign, source = excluded.source, medium = excluded.medium,"
            + " measured = excluded.measured, person_key = excluded.person_key";
    /**
     * A first version's message id is the touch id itself: the processed-message rows of the person's touches are
     * found by hashing them like the touch key. A redelivery afterwards changes nothing: its count is already there.
     */
    private static final String ERASE_PROCESSED = "delete from processed_message p using touch_count_ref r"
            + " where r.tenant = ?1 and r.person_key = ?2 and p.tenant = r.tenant and p.consumer = ?3"
            + " and r.touch_key = sha256(convert_to(p.tenant || ':' || cast(p.event_id as text), 'UTF8'))";
    private static final String FORGET_PERSON = "update touch_count_ref set person_key = null"
            + " where tenant = ?1 and person_key = ?2";
    private static final String ADD_DAY = "insert into touch_day (tenant, day, channel, campaign, touches, suppressed)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (tenant, day, channel, campaign) do update set"
            + " touches = touch_day.touches + excluded.touches, suppressed = touch_day.suppressed + excluded.suppressed";
    private static final String ADD_UNKNOWN = "insert into unknown_utm_day (tenant, day, field, value, touches)"
            + " values (?1, ?2, ?3, ?4, ?5) on conflict (tenant, day, field, value) do update set"
            + " touches = unknown_utm_day.touches + excluded.touches";

    /** Where the touch with this key was counted, or null. */
    public Uni<TouchCount> find(String tenant, byte[] key) {
        return NativeRows.list(FIND_REF, tenant, key).map(rows -> rows.isEmpty() ? null : new TouchCount(
                rows.get(0).get("day", LocalDate.class), text(rows.get(0), "channel"), text(rows.get(0), "campaign"),
                text(rows.get(0), "source"), text(rows.get(0), "medium"),
                Boolean.TRUE.equals(rows.get(0).get("measured"))));
    }

    public Uni<Void> remember(String tenant, byte[] key, byte[] personKey, TouchCount count) {
        return update(UPSERT_REF, tenant, key, count.day(), count.channel(), count.campaign(), count.source(),
                count.medium(), count.measured(), personKey);
    }

    /** Forgets which touch records were the person's; returns the rows deleted or changed. */
    public Uni<Long> erase(String tenant, byte[] personKey, String consumer) {
        return count(ERASE_PROCESSED, tenant, personKey, consumer)
                .chain(deleted -> count(FORGET_PERSON, tenant, personKey).map(forgotten -> deleted + forgotten));
    }

    /** Adds {@code sign} (1 or -1) times the touch to the day's counts. */
    public Uni<Void> add(String tenant, TouchCount count, int sign) {
        Uni<Void> day = update(ADD_DAY, tenant, count.day(), count.channel(), count.campaign(),
                count.measured() ? sign : 0L, count.measured() ? 0L : sign);
        List<String[]> unknown = count.unknownUtmValues();
        for (String[] fieldValue : unknown) {
            day = day.chain(() -> update(ADD_UNKNOWN, tenant, count.day(), fieldValue[0], fieldValue[1], (long) sign));
        }
        return day;
    }

    private static Uni<Void> update(String sql, Object... params) {
        return count(sql, params).replaceWithVoid();
    }

    private static Uni<Long> count(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).map(Integer::longValue);
    }
}
