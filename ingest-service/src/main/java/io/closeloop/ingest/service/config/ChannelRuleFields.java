package io.closeloop.ingest.service.config;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One tenant channel rule: regexes over the normalized (lower-case) source, medium and campaign (derived ones
 * included: {@code google / organic}), the referrer's host, the touch's click ids, its kind and its default
 * channel.
 */
@Schema(description = "A rule: a touch whose values match every regex the rule sets goes to channel")
public record ChannelRuleFields(
        @Schema(description = "Regex over the whole source; absent matches anything", examples = "newsletter.*")
        String source,
        @Schema(description = "Regex over the whole medium; ^$ matches no medium", examples = "email|e-mail")
        String medium,
        @Schema(description = "Regex over the whole campaign") String campaign,
        @Schema(description = "Regex over the referrer's host, without www.", examples = "(.*\\.)?partner\\.example")
        String referrerHost,
        @Schema(description = "Regex over the names of the touch's click ids: matches when one of them matches;"
                + " ^$ matches a touch without click ids", examples = "fbclid|ttclid")
        String clickId,
        @Schema(description = "Regex over the touch's kind: ad_click, page_view, form, call, email_click, sms_click,"
                + " qr_scan, promo, badge_scan", examples = "badge_scan")
        String kind,
        @Schema(description = "Regex over the channel the defaults would give (the kind's own channel or GA4's"
                + " default group): renames a default", examples = "events")
        String defaultChannel,
        @Schema(required = true, description = "snake_case channel id", examples = "newsletter") String channel) {

    /** A rule over source, medium and campaign only. */
    public ChannelRuleFields(String source, String medium, String campaign, String channel) {
        this(source, medium, campaign, null, null, null, null, channel);
    }

    /** The whole ordered list, as read and replaced. */
    @Schema(description = "The tenant's ordered rules (at most 50); the first match wins, before the defaults")
    public record Rules(List<ChannelRuleFields> rules) {
    }
}
