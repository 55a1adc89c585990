package io.closeloop.ingest.domain;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's ordered channel rules, evaluated before the defaults; the first matching rule wins, as in
 * GA4's custom channel groups (which also allow at most 50 rules).
 */
public record ChannelOverrides(List<ChannelRule> rules) {

    public static final int MAX_RULES = 50;
    public static final ChannelOverrides NONE = new ChannelOverrides(List.of());

    public ChannelOverrides {
        rules = List.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " channel rules, got " + rules.size());
        }
    }

    public static ChannelOverrides of(ChannelRule... rules) {
        return new ChannelOverrides(List.of(rules));
    }

    /** The channel of the first rule that takes these normalized values, if any. */
    public Optional<String> channelOf(String source, String medium, String campaign) {
        return channelOf(ChannelInputs.utm(source, medium, campaign), null);
    }

    /** The channel of the first rule that takes these normalized inputs and default channel, if any. */
    public Optional<String> channelOf(ChannelInputs inputs, String defaultChannel) {
        for (ChannelRule rule : rules) {
            if (rule.matches(inputs, defaultChannel)) {
                return Optional.of(rule.channel());
            }
        }
        return Optional.empty();
    }

    /** A text that changes whenever the rules change: names the classification a reclassification applies. */
    public String revision() {
        StringBuilder text = new StringBuilder();
        for (ChannelRule rule : rules) {
            text.append(rule).append('\n');
        }
        return text.toString();
    }
}
