package io.closeloop.ingest.service.request;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A marketing touch. The tenant is taken from the access token, never from the body. */
@Schema(description = "A marketing touch: an ad click, page view, email click, call, ...")
public record TouchpointRequest(
        @Schema(description = "Your id for this event; re-sending it is reported as a duplicate") UUID eventId,
        @Schema(required = true, examples = "ad_click",
                enumeration = {"ad_click", "page_view", "form", "call", "email_click", "sms_click", "qr_scan",
                    "promo", "badge_scan"}) String type,
        @Schema(required = true, description = "ISO-8601; with an offset, or local time in timeZone",
                examples = "2026-11-02T09:15:00+01:00") String occurredAt,
        @Schema(description = "IANA zone for a local occurredAt; default the tenant's", examples = "Europe/Berlin")
        String timeZone,
        @Schema(description = "Hashed on arrival; never stored or forwarded in clear") String email,
        @Schema(description = "Hashed on arrival (E.164, the tenant's phone region when no country code is given); "
                + "never stored or forwarded in clear", examples = "+4915123456789") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = "Device or cookie id") String anonymousId,
        String crmContactId,
        UtmFields utm,
        @Schema(description = "gclid, gbraid, wbraid, fbclid, msclkid, ttclid, li_fat_id") Map<String, String> clickIds,
        String landingPage,
        String referrer,
        @Schema(description = "Channel group; derived from the UTM source and medium when absent") String channel) {
}
