package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fit's channel-level shares beside what crediting gives. A fit states one share per channel (Markov: the
 * normalized removal effect; Shapley: the normalized Shapley value) — the number tools such as
 * ChannelAttribution report as {@code share × total conversions}. Crediting instead splits each conversion
 * among the channels on its own path in proportion to their weights ({@link ChannelWeightsModel}), so a
 * channel that mostly appears beside strong channels is credited less than its share, one that often appears
 * alone more. Both are computed over the same converting paths of the fit period.
 */
public final class ChannelShares {

    private ChannelShares() {
    }

    /**
     * @param fitShare the fit's share of the channel (its weight)
     * @param fitConversions {@code fitShare × conversions of the period}
     * @param creditedConversions conversions the channel is credited when each is split on its own path
     * @param creditedShare {@code creditedConversions / conversions of the period}
     * @param creditedValueShare the channel's share of the period's conversion value under the same split
     */
    public record ChannelShare(String channel, double fitShare, double fitConversions, double creditedConversions,
                               double creditedShare, double creditedValueShare) {
    }

    /** One entry per channel the fit or a converting path names, sorted by channel. */
    public static List<ChannelShare> of(List<PathRecord> paths, ChannelWeightsModel model) {
        Map<String, double[]> credited = new TreeMap<>();
        model.channelWeights().keySet().forEach(channel -> credited.put(channel, new double[2]));
        double conversions = 0;
        double value = 0;
        for (PathRecord path : paths) {
            if (path.conversions() == 0) {
                continue;
            }
            conversions += path.conversions();
            value += path.conversionValue();
            model.channelShares(path.channels()).forEach((channel, share) -> {
                double[] sums = credited.computeIfAbsent(channel, c -> new double[2]);
                sums[0] += share * path.conversions();
                sums[1] += share * path.conversionValue();
            });
        }
        List<ChannelShare> shares = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : credited.entrySet()) {
            double fitShare = model.channelWeights().getOrDefault(entry.getKey(), 0.0);
            double[] sums = entry.getValue();
            shares.add(new ChannelShare(entry.getKey(), fitShare, fitShare * conversions, sums[0],
                    conversions == 0 ? 0 : sums[0] / conversions, value == 0 ? 0 : sums[1] / value));
        }
        return shares;
    }
}
