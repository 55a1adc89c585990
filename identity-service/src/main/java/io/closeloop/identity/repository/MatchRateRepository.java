package io.closeloop.identity.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Match rate from the stitched events: conversions whose (merged) person has at least one touch. */
@ApplicationScoped
public class MatchRateRepository {

    public record Row(String conversionType, long conversions, long matched) {
    }

    /** Distinct conversion ids per type that occurred in [from, to). */
    public Uni<List<Row>> rates(String tenant, Instant from, Instant to) {
        return Sql.rows("with ev as (select kind, conversion_id, conversion_type, occurred_at,"
                        + " person_root(tenant, person_id) as root from person_event where tenant = ?1),"
                        + " touched as (select distinct root from ev where kind = 'touch'),"
                        + " conv as (select conversion_type, conversion_id, bool_or(t.root is not null) as matched"
                        + " from ev left join touched t on t.root = ev.root where ev.kind = 'conversion'"
                        + " and ev.occurred_at >= ?2 and ev.occurred_at < ?3 group by conversion_type, conversion_id)"
                        + " select conversion_type, count(*), count(*) filter (where matched) from conv"
                        + " group by conversion_type order by conversion_type", tenant, Sql.utc(from), Sql.utc(to))
                .map(rows -> rows.stream().map(r -> new Row((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue())).toList());
    }
}
