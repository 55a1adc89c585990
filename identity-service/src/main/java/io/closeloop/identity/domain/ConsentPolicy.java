package io.closeloop.identity.domain;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides the consent in force at an instant. Per purpose, the latest signal at or before that instant
 * decides, for each person of the (possibly merged) person; a person without a signal for the purpose
 * contributes the tenant default (the server-side basis for server-side sources, else the default of the
 * event's region); across merged persons the most restrictive state wins (denied, or opted out of sale/share).
 */
public final class ConsentPolicy {

    public static final String SIGNAL = "signal";
    public static final String TENANT_DEFAULT = "tenant_default";

    private ConsentPolicy() {
    }

    public record Decision(ConsentSnapshot snapshot, String reason) {
    }

    /** For one person (or no one yet): the persons behind the signals are all the members there are. */
    public static Decision decide(List<StoredSignal> signals, ConsentRules rules, Instant at, String region,
                                  boolean serverSide) {
        return decide(signals, signals.stream().map(StoredSignal::personId).distinct().toList(), rules, at, region,
                serverSide);
    }

    /**
     * @param members every person of the (possibly merged) person; a member without a signal for a purpose
     *                contributes the default, so another member's grant never speaks for it
     */
    public static Decision decide(List<StoredSignal> signals, Collection<UUID> members, ConsentRules rules,
                                  Instant at, String region, boolean serverSide) {
        Map<ConsentPurpose, String> defaults = serverSide ? rules.serverSide() : rules.forRegion(region);
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        StoredSignal measurement = null;
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            Map<UUID, StoredSignal> latest = latestPerPerson(signals, purpose, at);
            Optional<StoredSignal> deciding = mostRestrictive(purpose, latest.values());
            String state = deciding.map(StoredSignal::state).orElse(defaults.get(purpose));
            boolean memberOnDefault = members.stream().anyMatch(m -> !latest.containsKey(m));
            if (deciding.isPresent() && memberOnDefault
                    && restrictiveness(purpose, defaults.get(purpose)) > restrictiveness(purpose, state)) {
                state = defaults.get(purpose);
                deciding = Optional.empty();
            }
            purposes.put(purpose, state);
            if (purpose == ConsentPurpose.MEASUREMENT) {
                measurement = deciding.orElse(null);
            }
        }
        String state = purposes.get(ConsentPurpose.MEASUREMENT);
        String basis;
        String reason;
        Instant decidedAt;
        if (measurement != null) {
            basis = SIGNAL;
            decidedAt = measurement.occurredAt();
            reason = "measurement " + state + " by a " + measurement.source() + " signal of " + decidedAt;
        } else {
            basis = serverSide ? ConsentDefaults.SERVER_SIDE_DEFAULT : TENANT_DEFAULT;
            decidedAt = at;
            reason = "measurement " + state + " by the "
                    + (serverSide ? "server-side default" : "tenant default for region " + rules.regionKey(region));
        }
        return new Decision(new ConsentSnapshot(Map.copyOf(purposes), basis, decidedAt), reason);
    }

    /** Measurement was withdrawn: the latest measurement signal in force now says denied. */
    public static boolean withdrawn(List<StoredSignal> signals, Instant now) {
        return inForce(signals, ConsentPurpose.MEASUREMENT, now)
                .map(s -> ConsentSnapshot.DENIED.equals(s.state())).orElse(false);
    }

    /** The most restrictive of each person's latest signal for the purpose at or before {@code at}. */
    static Optional<StoredSignal> inForce(List<StoredSignal> signals, ConsentPurpose purpose, Instant at) {
        return mostRestrictive(purpose, latestPerPerson(signals, purpose, at).values());
    }

    private static Map<UUID, StoredSignal> latestPerPerson(List<StoredSignal> signals, ConsentPurpose purpose,
                                                           Instant at) {
        Map<UUID, StoredSignal> latestPerPerson = new HashMap<>();
        for (StoredSignal signal : signals) {
            if (signal.purpose() == purpose && !signal.occurredAt().isAfter(at)) {
                latestPerPerson.merge(signal.personId(), signal,
                        (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b);
            }
        }
        return latestPerPerson;
    }

    private static Optional<StoredSignal> mostRestrictive(ConsentPurpose purpose, Collection<StoredSignal> signals) {
        return signals.stream().max(Comparator
                .comparingInt((StoredSignal s) -> restrictiveness(purpose, s.state()))
                .thenComparing(StoredSignal::occurredAt));
    }

    /** Higher is more restrictive: denied for the consent purposes, opted out (granted) for sale/share. */
    static int restrictiveness(ConsentPurpose purpose, String state) {
        boolean restrictive = purpose == ConsentPurpose.SALE_SHARE_OPT_OUT
                ? ConsentSnapshot.GRANTED.equals(state) : !ConsentSnapshot.GRANTED.equals(state);
        return restrictive ? 1 : 0;
    }

    /** A GPC signal means an opt-out of sale/share even when the source did not spell the purpose out. */
    public static Map<ConsentPurpose, String> normalize(String source, Map<ConsentPurpose, String> purposes) {
        Map<ConsentPurpose, String> normalized = new EnumMap<>(ConsentPurpose.class);
        if (purposes != null) {
            purposes.forEach((purpose, state) -> {
                if (purpose != null && (ConsentSnapshot.GRANTED.equals(state) || ConsentSnapshot.DENIED.equals(state))) {
                    normalized.put(purpose, state);
                }
            });
        }
        if ("gpc".equals(source)) {
            normalized.putIfAbsent(ConsentPurpose.SALE_SHARE_OPT_OUT, ConsentSnapshot.GRANTED);
        }
        return normalized;
    }
}
