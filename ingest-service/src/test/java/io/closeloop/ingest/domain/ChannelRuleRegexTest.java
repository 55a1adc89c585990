package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelRuleRegexTest {

    @Test
    void aCatastrophicBacktrackingPatternIsAnsweredCorrectlyOverALongInput() {
        ChannelRule rule = new ChannelRule("(a+)+$", null, null, "nested");

        // java.util.regex needs about 2^n steps for the failing case; RE2/J answers in one pass.
        assertThat(rule.matches("a".repeat(1_000) + "!", null, null)).isFalse();
        assertThat(rule.matches("a".repeat(1_000), null, null)).isTrue();
        assertThat(new ChannelRule("(x+x+)+y", null, null, "nested").matches("x".repeat(1_000), null, null))
                .isFalse();
    }

    @Test
    void matchingStaysCaseInsensitiveAndWholeValue() {
        ChannelRule rule = new ChannelRule("Facebook|meta", null, null, "social");

        assertThat(rule.matches("facebook", null, null)).isTrue();
        assertThat(rule.matches("META", null, null)).isTrue();
        assertThat(rule.matches("facebook.com", null, null)).isFalse();
        assertThat(new ChannelRule(null, "^$", null, "none").matches("x", null, null)).isTrue();
        assertThat(new ChannelRule(null, "^$", null, "none").matches("x", "cpc", null)).isFalse();
    }

    @Test
    void aValueIsMatchedByItsFirstCharactersOnly() {
        ChannelRule rule = new ChannelRule("a*", null, null, "long");

        assertThat(rule.matches("a".repeat(ChannelRule.MAX_MATCHED_LENGTH) + "b", null, null)).isTrue();
    }

    @Test
    void constructsWithoutALinearTimeEvaluationAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ChannelRule(null, "(?=cpc)c.*", null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("medium ");
        assertThatThrownBy(() -> new ChannelRule(null, null, "(a)\\1", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("campaign ");
    }
}
