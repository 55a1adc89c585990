package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Channel names to small positive ids in order of first appearance (package private). */
final class ChannelDictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int maxChannels;

    ChannelDictionary(int maxChannels) {
        this.maxChannels = maxChannels;
    }

    /** The id of {@code name}, from 1; adds it when new. */
    int id(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (names.size() >= maxChannels) {
            throw new IllegalStateException("more than " + maxChannels + " channels");
        }
        names.add(name);
        ids.put(name, names.size());
        return names.size();
    }

    String name(int id) {
        return names.get(id - 1);
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
