package io.closeloop.ingest.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tenant channel rule: regexes over the normalized (lower-case) UTM source, medium and campaign. */
@Schema(description = "A rule: a touch whose source, medium and campaign all match goes to channel")
public record ChannelRuleFields(
        @Schema(description = "Regex over the whole source; absent matches anything", examples = "newsletter.*")
        String source,
        @Schema(description = "Regex over the whole medium; ^$ matches no medium", examples = "email|e-mail")
        String medium,
        @Schema(description = "Regex over the whole campaign") String campaign,
        @Schema(required = true, description = "snake_case channel id", examples = "newsletter") String channel) {

    /** The whole ordered list, as read and replaced. */
    @Schema(description = "The tenant's ordered rules (at most 50); the first match wins, before the defaults")
    public record Rules(List<ChannelRuleFields> rules) {
    }
}
