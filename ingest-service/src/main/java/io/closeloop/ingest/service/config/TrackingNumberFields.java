package io.closeloop.ingest.service.config;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call-tracking number as an admin sets it; the number itself is the path. */
@Schema(description = "What a call to this tracking number stands for")
public record TrackingNumberFields(
        @Schema(readOnly = true, description = "E.164", examples = "+14155550100") String number,
        @Schema(required = true, description = "The pool (usually one per campaign) the number belongs to",
                examples = "spring-sale") String pool,
        @Schema(required = true, examples = "google") String source,
        @Schema(required = true, examples = "cpc") String medium,
        @Schema(examples = "spring_sale") String campaign,
        @Schema(description = "Channel group; default phone", examples = "phone") String channel) {
}
