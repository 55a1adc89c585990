package io.closeloop.contracts;

import java.time.Instant;

/**
 * A tenant's settings, latest per tenant on a compacted topic.
 *
 * @param timeZone IANA zone report days are cut in
 * @param baseCurrency ISO 4217 code revenue is reported in
 * @param phoneRegion ISO 3166 region phones without a country code belong to
 */
public record TenantSettings(String tenant, String timeZone, String baseCurrency, String phoneRegion,
                             Instant updatedAt) implements TenantScoped {
}
