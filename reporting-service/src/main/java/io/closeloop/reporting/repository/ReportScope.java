package io.closeloop.reporting.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a metric query reads: one tenant's days from..to in its zone (as instants start..end), under the given models,
 * optionally one channel and campaign ('' = none), with revenue on the conversion or the touch date.
 *
 * @param baseCurrency the tenant's base currency, or null while unknown
 */
public record ReportScope(String tenant, List<String> models, String zone, String baseCurrency, LocalDate from,
                          LocalDate to, Instant start, Instant end, String channel, String campaign,
                          boolean touchDate) {
}
