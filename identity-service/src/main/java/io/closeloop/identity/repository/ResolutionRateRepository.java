package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * How many events identity resolved to a known person: one holding a strong identifier (email, phone, CRM id).
 * Touches of anonymous journeys still waiting for their link count as events not resolved; suppressed touches
 * are not events identity kept (they have their own counts).
 */
@ApplicationScoped
public class ResolutionRateRepository {

    public record Row(String kind, long events, long resolved) {
    }

    /** Touches and conversions (events, not distinct conversion ids) that occurred in [from, to), per kind. */
    public Uni<List<Row>> rates(String tenant, Instant from, Instant to) {
        return Sql.tuples("with ev as (select kind, person_root(tenant, person_id) as root from person_event"
                        + " where tenant = ?1 and occurred_at >= ?2 and occurred_at < ?3"
                        + " and kind in ('touch', 'conversion')),"
                        + " known as (select distinct person_id from identifier where tenant = ?1"
                        + " and kind in ('email', 'phone', 'caller', 'crm_contact', 'crm_lead', 'crm_deal')),"
                        + " pending as (select count(*) as n from pending_touch where tenant = ?1"
                        + " and occurred_at >= ?2 and occurred_at < ?3),"
                        + " kinds as (select kind, count(*) as events,"
                        + " count(*) filter (where root in (select person_id from known)) as resolved"
                        + " from ev group by kind"
                        + " union all select 'touch', n, 0 from pending where n > 0)"
                        + " select kind, sum(events) as events, sum(resolved) as resolved from kinds group by kind order by kind",
                        tenant, Sql.utc(from), Sql.utc(to))
                .map(rows -> rows.stream().map(r -> new Row(text(r, "kind"), longValue(r, "events"),
                        longValue(r, "resolved"))).toList());
    }
}
