package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies fitted per-channel weights (Markov removal effects, Shapley values) to one conversion.
 *
 * <p>Each channel present in the path gets a share proportional to its fitted weight among the channels
 * present; the touches of one channel share their channel's weight equally (a channel touched three
 * times does not weigh three times as much: the data-driven fits value channels, not repetitions).
 * The weights therefore do not depend on the order of the touches. A channel the fit has never seen
 * weighs 0; if every channel of the path weighs 0 (unseen channels, or a fit without conversions),
 * the touches are weighted equally, as {@link LinearModel} would, so every conversion is still credited
 * in full.
 */
public final class ChannelWeightsModel extends NamedModel {

    private final Map<String, Double> channelWeights;

    public ChannelWeightsModel(String id, int configVersion, Map<String, Double> channelWeights) {
        super(id, configVersion);
        this.channelWeights = Map.copyOf(channelWeights);
        this.channelWeights.forEach((channel, weight) -> {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("channel weights must be finite and non-negative: " + channel
                        + "=" + weight);
            }
        });
    }

    public Map<String, Double> channelWeights() {
        return channelWeights;
    }

    /**
     * The share of one conversion each channel of {@code channels} (a path, in any order, repeats allowed)
     * gets under {@link #weights}: its fitted weight over the sum of the distinct channels' weights, or its
     * touches over all touches when every weight is 0. The shares add up to 1.
     */
    public Map<String, Double> channelShares(List<String> channels) {
        Map<String, Integer> touches = new java.util.TreeMap<>();
        channels.forEach(channel -> touches.merge(channel, 1, Integer::sum));
        double sum = 0;
        for (String channel : touches.keySet()) {
            sum += channelWeights.getOrDefault(channel, 0.0);
        }
        Map<String, Double> shares = new java.util.TreeMap<>();
        for (Map.Entry<String, Integer> entry : touches.entrySet()) {
            shares.put(entry.getKey(), sum == 0 ? (double) entry.getValue() / channels.size()
                    : channelWeights.getOrDefault(entry.getKey(), 0.0) / sum);
        }
        return shares;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        int n = path.size();
        double[] weights = new double[n];
        Map<String, Integer> touchesPerChannel = new HashMap<>();
        for (Touch touch : path) {
            touchesPerChannel.merge(touch.channel(), 1, Integer::sum);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            String channel = path.get(i).channel();
            weights[i] = channelWeights.getOrDefault(channel, 0.0) / touchesPerChannel.get(channel);
            sum += weights[i];
        }
        if (sum == 0) {
            java.util.Arrays.fill(weights, 1.0);
        }
        return weights;
    }
}
