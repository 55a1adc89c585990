package io.closeloop.ingest.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/**
 * One tenant override: when every regex it sets matches, the touch goes to the channel. A rule can look at the
 * normalized (lower-case) source, medium and campaign, the referrer's host, the click ids the touch carried, the
 * touch's kind (touch type such as {@code page_view} or {@code badge_scan}) and the channel the defaults would
 * give it ({@code defaultChannel}, so a rule can rename any default, {@code events} included). A null regex
 * matches anything; a regex must match the whole value, and an absent value is matched as the empty string,
 * so {@code ^$} selects "no medium". The click-id regex matches when one of the touch's click id names matches
 * it ({@code fbclid|ttclid}), or when there is none and it matches the empty string. Equality is by the regex
 * texts, so rules compare as the values an admin entered.
 *
 * <p>Tenant regexes run on ingest threads shared by every tenant, so they are evaluated by RE2/J, whose time is
 * linear in the input: a pattern such as {@code (a+)+$} cannot backtrack catastrophically. Constructs RE2/J
 * cannot run in linear time (back-references, look-around) are refused when the rule is saved. A value is
 * matched by at most its first {@value #MAX_MATCHED_LENGTH} characters, which bounds the work per event.
 */
public final class ChannelRule {

    /** Snake_case lower, like the default channel ids, so overrides and defaults share one namespace. */
    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Bounds the work one tenant's regexes can cost per event. */
    static final int MAX_REGEX_LENGTH = 200;
    /** Bounds the input a tenant regex reads; ingest bounds fields far below this. */
    static final int MAX_MATCHED_LENGTH = 2048;

    private final String sourceRegex;
    private final String mediumRegex;
    private final String campaignRegex;
    private final String referrerHostRegex;
    private final String clickIdRegex;
    private final String kindRegex;
    private final String defaultChannelRegex;
    private final String channel;
    private final Pattern source;
    private final Pattern medium;
    private final Pattern campaign;
    private final Pattern referrerHost;
    private final Pattern clickId;
    private final Pattern kind;
    private final Pattern defaultChannel;

    public ChannelRule(String sourceRegex, String mediumRegex, String campaignRegex, String channel) {
        this(sourceRegex, mediumRegex, campaignRegex, null, null, null, null, channel);
    }

    public ChannelRule(String sourceRegex, String mediumRegex, String campaignRegex, String referrerHostRegex,
                       String clickIdRegex, String kindRegex, String defaultChannelRegex, String channel) {
        if (channel == null || !CHANNEL_ID.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be snake_case lower, 1 to 64 characters: " + channel);
        }
        if (sourceRegex == null && mediumRegex == null && campaignRegex == null && referrerHostRegex == null
                && clickIdRegex == null && kindRegex == null && defaultChannelRegex == null) {
            throw new IllegalArgumentException("a rule needs at least one of source, medium, campaign, referrerHost,"
                    + " clickId, kind or defaultChannel");
        }
        this.sourceRegex = sourceRegex;
        this.mediumRegex = mediumRegex;
        this.campaignRegex = campaignRegex;
        this.referrerHostRegex = referrerHostRegex;
        this.clickIdRegex = clickIdRegex;
        this.kindRegex = kindRegex;
        this.defaultChannelRegex = defaultChannelRegex;
        this.channel = channel;
        this.source = compile("source", sourceRegex);
        this.medium = compile("medium", mediumRegex);
        this.campaign = compile("campaign", campaignRegex);
        this.referrerHost = compile("referrerHost", referrerHostRegex);
        this.clickId = compile("clickId", clickIdRegex);
        this.kind = compile("kind", kindRegex);
        this.defaultChannel = compile("defaultChannel", defaultChannelRegex);
    }

    /** Whether {@code channel} is a valid channel id: snake_case lower, 1 to 64 characters. */
    public static boolean isChannelId(String channel) {
        return channel != null && CHANNEL_ID.matcher(channel).matches();
    }

    /** Whether the rule takes a touch with these normalized values (null = absent). */
    public boolean matches(String sourceValue, String mediumValue, String campaignValue) {
        return matches(ChannelInputs.utm(sourceValue, mediumValue, campaignValue), null);
    }

    /** Whether the rule takes a touch with these inputs whose default channel is {@code defaultChannelValue}. */
    public boolean matches(ChannelInputs inputs, String defaultChannelValue) {
        return matches(source, inputs.source()) && matches(medium, inputs.medium())
                && matches(campaign, inputs.campaign()) && matches(referrerHost, inputs.referrerHost())
                && matchesClickIds(inputs) && matches(kind, inputs.kind())
                && matches(defaultChannel, defaultChannelValue);
    }

    /** Whether the rule looks at the default channel (then the default must be known before the rules run). */
    public boolean needsDefaultChannel() {
        return defaultChannel != null;
    }

    private boolean matchesClickIds(ChannelInputs inputs) {
        if (clickId == null) {
            return true;
        }
        if (inputs.clickIds().isEmpty()) {
            return clickId.matches("");
        }
        return inputs.clickIds().stream().anyMatch(name -> matches(clickId, name));
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

    public String referrerHostRegex() {
        return referrerHostRegex;
    }

    public String clickIdRegex() {
        return clickIdRegex;
    }

    public String kindRegex() {
        return kindRegex;
    }

    public String defaultChannelRegex() {
        return defaultChannelRegex;
    }

    public String channel() {
        return channel;
    }

    private static boolean matches(Pattern pattern, String value) {
        if (pattern == null) {
            return true;
        }
        String text = value == null ? "" : value;
        return pattern.matches(text.length() > MAX_MATCHED_LENGTH ? text.substring(0, MAX_MATCHED_LENGTH) : text);
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
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid regex (RE2 syntax, which runs in linear"
                    + " time: no back-references or look-around): " + e.getDescription(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelRule rule && Objects.equals(sourceRegex, rule.sourceRegex)
                && Objects.equals(mediumRegex, rule.mediumRegex) && Objects.equals(campaignRegex, rule.campaignRegex)
                && Objects.equals(referrerHostRegex, rule.referrerHostRegex)
                && Objects.equals(clickIdRegex, rule.clickIdRegex) && Objects.equals(kindRegex, rule.kindRegex)
                && Objects.equals(defaultChannelRegex, rule.defaultChannelRegex) && channel.equals(rule.channel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceRegex, mediumRegex, campaignRegex, referrerHostRegex, clickIdRegex, kindRegex,
                defaultChannelRegex, channel);
    }

    @Override
    public String toString() {
        return "ChannelRule[source=" + sourceRegex + ", medium=" + mediumRegex + ", campaign=" + campaignRegex
                + ", referrerHost=" + referrerHostRegex + ", clickId=" + clickIdRegex + ", kind=" + kindRegex
                + ", defaultChannel=" + defaultChannelRegex + " -> " + channel + "]";
    }
}
