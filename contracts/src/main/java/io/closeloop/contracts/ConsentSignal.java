package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A consent signal for one person as ingest received it: a Consent Mode v2 update, a GPC header, a GPP string or a
 * CMP/CRM record. Only the purposes the signal speaks about are present; identity keeps the history and decides.
 *
 * @param region ISO 3166 region (optionally with subdivision, e.g. {@code US-CA}) the tenant's defaults are chosen by
 * @param source consent_mode, gpc, gpp, cmp, crm or api
 * @param purposes {@code granted}/{@code denied} per purpose; for {@code sale_share_opt_out}, {@code granted} means opted out
 * @param gpp the GPP string as received, kept for the audit trail; null when the signal was not GPP
 */
public record ConsentSignal(
        String tenant,
        UUID eventId,
        Instant occurredAt,
        String sourceZone,
        Instant receivedAt,
        List<IdentifierRef> identifiers,
        String region,
        String source,
        Map<ConsentPurpose, String> purposes,
        String gpp) implements TenantScoped {
}
