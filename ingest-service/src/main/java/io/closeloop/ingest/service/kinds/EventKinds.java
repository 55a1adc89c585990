package io.closeloop.ingest.service.kinds;

import io.closeloop.common.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link EventKind} bean by its URL name. */
@ApplicationScoped
public class EventKinds {

    private final Map<String, EventKind<?>> byName = new TreeMap<>();

    public EventKinds(Instance<EventKind<?>> kinds) {
        for (EventKind<?> kind : kinds) {
            EventKind<?> previous = byName.put(kind.name(), kind);
            if (previous != null) {
                throw new IllegalStateException("two event kinds are named " + kind.name());
            }
        }
    }

    public Optional<EventKind<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws UnknownKindException when no kind has this name (answered 404) */
    public EventKind<?> get(String name) {
        return find(name).orElseThrow(() -> new UnknownKindException(name, byName.keySet()));
    }

    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /** A kind's name that does not exist. */
    public static class UnknownKindException extends InvalidInputException {
        public UnknownKindException(String name, java.util.Set<String> known) {
            super("kind", "no event kind '" + name + "'; known: " + known);
        }
    }
}
