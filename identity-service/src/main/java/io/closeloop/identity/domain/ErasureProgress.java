package io.closeloop.identity.domain;

import java.util.List;
import java.util.Set;

/** Which of the services an erasure waits for have confirmed it; complete once every one has. */
public record ErasureProgress(List<String> required, Set<String> confirmed) {

    public boolean complete() {
        return confirmed.containsAll(required);
    }

    public List<String> pending() {
        return required.stream().filter(s -> !confirmed.contains(s)).toList();
    }
}
