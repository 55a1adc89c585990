package io.closeloop.ingest.service.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's consent signal: Consent Mode v2 fields, a GPC flag and/or a GPP string. */
@Schema(description = "Consent for one person; at least one of consentMode, gpc or gpp", example = """
        {"occurredAt":"2026-11-02T09:15:00Z","anonymousId":"dev-42","region":"US-CA",
         "consentMode":{"analytics_storage":"granted","ad_storage":"denied"},"gpc":true,
         "gpp":"DBABLA~BVQqAAAAAAJY.QA"}""")
public record ConsentRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        String anonymousId,
        String crmContactId,
        @Schema(description = "ISO 3166 region, optionally with subdivision", examples = "US-CA") String region,
        @Schema(enumeration = {"consent_mode", "gpc", "gpp", "cmp", "crm", "api"},
                description = "Default: gpp, gpc or consent_mode after what was sent") String source,
        ConsentModeFields consentMode,
        @Schema(description = "Global Privacy Control (Sec-GPC: 1): an opt-out of sale and sharing") Boolean gpc,
        @Schema(description = "An IAB GPP string; its usnat section's opt-outs are read") String gpp)
        implements HasEventId {

    /** Google Consent Mode v2: each {@code granted} or {@code denied}. */
    public record ConsentModeFields(
            @JsonProperty("analytics_storage") String analyticsStorage,
            @JsonProperty("ad_storage") String adStorage,
            @JsonProperty("ad_user_data") String adUserData,
            @JsonProperty("ad_personalization") String adPersonalization) {
    }
}
