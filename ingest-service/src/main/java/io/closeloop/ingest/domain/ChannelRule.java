package io.closeloop.ingest.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One tenant override: when source, medium and campaign each match their regex, the touch goes to the
 * channel. A null regex matches anything; a regex must match the whole normalized (lower-case) value, and
 * an absent value is matched as the empty string, so {@code ^$} selects "no medium". Equality is by the
 * regex texts, so rules compare as the values an admin entered.
 */
public final class ChannelRule {

    /** Snake_case lower, like the default channel ids, so overrides and defaults share one namespace. */
    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Bounds the work one tenant's regexes can cost per event. */
    static final int MAX_REGEX_LENGTH = 200;

    private final String sourceRegex;
    private final String mediumRegex;
    private final String campaignRegex;
    private final String channel;
    private final Pattern source;
    private final Pattern medium;
    private final Pattern campaign;

    public ChannelRule(String sourceRegex, String mediumRegex, String campaignRegex, String channel) {
        if (channel == null || !CHANNEL_ID.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be snake_case lower, 1 to 64 characters: " + channel);
        }
        if (sourceRegex == null && mediumRegex == null && campaignRegex == null) {
            throw new IllegalArgumentException("a rule needs at least one of source, medium or campaign");
        }
        this.sourceRegex = sourceRegex;
        this.mediumRegex = mediumRegex;
        this.campaignRegex = campaignRegex;
        this.channel = channel;
        this.source = compile("source", sourceRegex);
        this.medium = compile("medium", mediumRegex);
        this.campaign = compile("campaign", campaignRegex);
    }

    /** Whether {@code channel} is a valid channel id: snake_case lower, 1 to 64 characters. */
    public static boolean isChannelId(String channel) {
        return channel != null && CHANNEL_ID.matcher(channel).matches();
    }

    /** Whether the rule takes a touch with these normalized values (null = absent). */
    public boolean matches(String sourceValue, String mediumValue, String campaignValue) {
        return matches(source, sourceValue) && matches(medium, mediumValue) && matches(campaign, campaignValue);
    }

    public String sourceRegex() {
        return sourceRegex;
    }

    public String mediumRegex() {
        return mediumRegex;
    }

    public String campaignRegex() {
        return campaignRegex;
    }

    public String channel() {
        return channel;
    }

    private static boolean matches(Pattern pattern, String value) {
        return pattern == null || pattern.matcher(value == null ? "" : value).matches();
    }

    private static Pattern compile(String field, String regex) {
        if (regex == null) {
            return null;
        }
        if (regex.length() > MAX_REGEX_LENGTH) {
            throw new IllegalArgumentException(field + " regex is longer than " + MAX_REGEX_LENGTH + " characters");
        }
        try {
            // Case-insensitive because values are lower-cased: an admin's "Facebook" must still match.
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid regex: " + e.getDescription(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelRule rule && Objects.equals(sourceRegex, rule.sourceRegex)
                && Objects.equals(mediumRegex, rule.mediumRegex) && Objects.equals(campaignRegex, rule.campaignRegex)
                && channel.equals(rule.channel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceRegex, mediumRegex, campaignRegex, channel);
    }

    @Override
    public String toString() {
        return "ChannelRule[source=" + sourceRegex + ", medium=" + mediumRegex + ", campaign=" + campaignRegex
                + " -> " + channel + "]";
    }
}
