package io.closeloop.identity.matching;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The network and browser: same IP prefix and user agent within a time window (one visit), same IP
 * prefix and user agent at any time, same IP prefix only, or different. Missing IP on either side is null.
 */
public final class DeviceComparison implements Comparison {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    public static final int SAME_VISIT = 0;
    public static final int SAME_DEVICE = 1;
    public static final int SAME_NETWORK = 2;
    public static final int DIFFERENT = 3;

    private final Duration window;

    public DeviceComparison(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
        this.window = window;
    }

    @Override
    public String name() {
        return "ip_user_agent_time";
    }

    @Override
    public List<String> levels() {
        return List.of("ip+ua within " + window.toMinutes() + " min", "ip+ua", "ip", "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        if (a.ipPrefix() == null || b.ipPrefix() == null) {
            return NULL;
        }
        if (!a.ipPrefix().equals(b.ipPrefix())) {
            return DIFFERENT;
        }
        if (a.userAgentHash() == null || !Objects.equals(a.userAgentHash(), b.userAgentHash())) {
            return SAME_NETWORK;
        }
        boolean sameVisit = a.occurredAt() != null && b.occurredAt() != null
                && Duration.between(a.occurredAt(), b.occurredAt()).abs().compareTo(window) <= 0;
        return sameVisit ? SAME_VISIT : SAME_DEVICE;
    }
}
