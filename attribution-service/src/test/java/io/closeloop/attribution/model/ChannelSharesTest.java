package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.closeloop.attribution.model.ChannelShares.ChannelShare;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelSharesTest {

    /**
     * Weights email 0.75, display 0.25. Three conversions: email alone (value 100), display alone (value 300),
     * email then display (value 400). The fit gives display a quarter of the conversions (0.75); splitting each
     * conversion on its own path gives it 1 + 0.25 = 1.25 — more than its share, because it is often alone.
     */
    @Test
    void creditedTotalsSplitEachConversionOnItsOwnPath() {
        ChannelWeightsModel model = new ChannelWeightsModel("markov", 1, Map.of("email", 0.75, "display", 0.25));
        List<ChannelShare> shares = ChannelShares.of(List.of(
                new PathRecord(List.of("email"), 1, 100, 0),
                new PathRecord(List.of("display"), 1, 300, 4),
                new PathRecord(List.of("email", "display", "email"), 1, 400, 0),
                new PathRecord(List.of("social"), 0, 0, 3)), model);
        assertThat(shares).extracting(ChannelShare::channel).containsExactly("display", "email");
        ChannelShare display = shares.get(0);
        assertThat(display.fitShare()).isEqualTo(0.25);
        assertThat(display.fitConversions()).isCloseTo(0.75, within(1e-12));
        assertThat(display.creditedConversions()).isCloseTo(1.25, within(1e-12));
        assertThat(display.creditedShare()).isCloseTo(1.25 / 3, within(1e-12));
        assertThat(display.creditedValueShare()).isCloseTo((300 + 100) / 800.0, within(1e-12));
        ChannelShare email = shares.get(1);
        assertThat(email.creditedConversions()).isCloseTo(1.75, within(1e-12));
        assertThat(email.creditedValueShare()).isCloseTo((100 + 300) / 800.0, within(1e-12));
    }

    @Test
    void channelSharesAreWhatTheModelCreditsPerTouchSummedPerChannel() {
        ChannelWeightsModel model = new ChannelWeightsModel("shapley", 1, Map.of("a", 0.5, "b", 0.3, "c", 0.2));
        List<String> channels = List.of("a", "b", "a", "d");
        List<Touch> path = channels.stream().map(c -> touch(c)).toList();
        double[] weights = model.weights(path, Instant.parse("2024-02-01T00:00:00Z"));
        double sum = java.util.Arrays.stream(weights).sum();
        Map<String, Double> shares = model.channelShares(channels);
        assertThat(shares.get("a")).isCloseTo((weights[0] + weights[2]) / sum, within(1e-12));
        assertThat(shares.get("b")).isCloseTo(weights[1] / sum, within(1e-12));
        assertThat(shares.get("d")).isZero();
        // Every weight 0: touches count equally, as the model credits then.
        assertThat(new ChannelWeightsModel("markov", 1, Map.of()).channelShares(channels))
                .containsEntry("a", 0.5).containsEntry("b", 0.25).containsEntry("d", 0.25);
    }

    private static Touch touch(String channel) {
        return new Touch(UUID.randomUUID(), Instant.parse("2024-01-01T00:00:00Z"), channel, null, null, null, true,
                java.util.Set.of(), 1.0);
    }
}
