package io.closeloop.attribution.service;

import io.closeloop.attribution.model.Touch;
import io.closeloop.contracts.PathCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts journeys per channel path of one partition; the result is sorted by path so chunks are deterministic. */
final class PathCounter {

    private final Map<List<String>, long[]> counts = new HashMap<>();

    void converted(List<Touch> path, long valueMinor) {
        add(path, 1, valueMinor, 0);
    }

    void didNotConvert(List<Touch> path) {
        add(path, 0, 0, 1);
    }

    private void add(List<Touch> path, long conversions, long valueMinor, long nulls) {
        if (path.isEmpty()) {
            return;
        }
        List<String> channels = path.stream().map(Touch::channel).toList();
        long[] count = counts.computeIfAbsent(channels, key -> new long[3]);
        count[0] += conversions;
        count[1] += valueMinor;
        count[2] += nulls;
    }

    List<PathCount> sorted() {
        List<PathCount> result = new ArrayList<>(counts.size());
        counts.forEach((channels, c) -> result.add(new PathCount(channels, c[0], c[1], c[2])));
        result.sort((a, b) -> String.join("\u0000", a.channels()).compareTo(String.join("\u0000", b.channels())));
        return result;
    }
}
