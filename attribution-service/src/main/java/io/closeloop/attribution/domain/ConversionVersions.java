package io.closeloop.attribution.domain;

import io.closeloop.contracts.ConversionChange;
import io.closeloop.messaging.PoisonMessageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * How the versions of one conversion combine into what is credited. Versions are ordered by the source's update
 * time when both have one, then by ingest's per-tenant sequence when both have one, then by the version's own
 * time — never by a random id, so the result does not depend on arrival order and an older version arriving late
 * never overrides a newer one (equal on every key: the stored one stays).
 * <ul>
 *   <li>a plain version replaces the conversion when it is newer;</li>
 *   <li>{@code value_changed} replaces value and currency (and base value) when it is newer; the conversion keeps
 *       its time, type and status. One that arrives before any whole version stands in for the conversion until
 *       the first whole version comes, which then brings time, type and status whatever their order (the value
 *       stays the newer one's);</li>
 *   <li>{@code refund} lowers the value by the refunded amount whenever it arrives (each refund is its own fact):
 *       in the conversion's currency as is, in another currency through both base values; a refund reaching the
 *       whole value makes the conversion {@code refunded} (withdrawn). The base value shrinks in proportion. One
 *       that arrives before any version of the conversion waits for the first one (the service keeps it).</li>
 * </ul>
 */
public final class ConversionVersions {

    /** The status of a conversion whose whole value was refunded. */
    public static final String REFUNDED = "refunded";

    private ConversionVersions() {
    }

    /**
     * Combines {@code incoming} into {@code stored} (null for the first version of the conversion) and returns the
     * conversion to keep — {@code stored} changed in place, or {@code incoming} — or null when nothing changes.
     *
     * @throws PoisonMessageException for a refund that cannot be applied (unknown conversion, no convertible value)
     */
    public static ConversionState apply(ConversionState stored, ConversionState incoming, String change) {
        if (ConversionChange.REFUND.equals(change)) {
            return refund(stored, incoming);
        }
        if (stored == null) {
            incoming.wholeVersion = !ConversionChange.VALUE_CHANGED.equals(change);
            return incoming;
        }
        if (!stored.wholeVersion && change == null) {
            if (newer(incoming, stored)) {
                copy(incoming, stored);
            } else {
                copyFacts(incoming, stored);
            }
            stored.wholeVersion = true;
            return stored;
        }
        if (!newer(incoming, stored)) {
            return null;
        }
        if (ConversionChange.VALUE_CHANGED.equals(change)) {
            stored.valueMinor = incoming.valueMinor;
            stored.currency = incoming.currency;
            stored.baseValueMinor = incoming.baseValueMinor;
            stored.baseCurrency = incoming.baseCurrency;
            stored.eventId = incoming.eventId;
            order(stored, incoming);
            return stored;
        }
        copy(incoming, stored);
        return stored;
    }

    /** Whether {@code a} is a newer version than {@code b}. */
    public static boolean newer(ConversionState a, ConversionState b) {
        if (a.sourceUpdatedAt != null && b.sourceUpdatedAt != null && !a.sourceUpdatedAt.equals(b.sourceUpdatedAt)) {
            return a.sourceUpdatedAt.isAfter(b.sourceUpdatedAt);
        }
        if (a.ingestSequence != null && b.ingestSequence != null && !a.ingestSequence.equals(b.ingestSequence)) {
            return a.ingestSequence > b.ingestSequence;
        }
        return versionTime(a).isAfter(versionTime(b));
    }

    private static ConversionState refund(ConversionState stored, ConversionState refund) {
        if (stored == null) {
            throw new PoisonMessageException("refund of conversion " + refund.conversionId
                    + " arrived before any version of the conversion");
        }
        if (REFUNDED.equals(stored.status) || stored.valueMinor == 0 && refund.valueMinor == 0) {
            return null;
        }
        long deducted;
        if (refund.currency.equals(stored.currency)) {
            deducted = refund.valueMinor;
        } else if (refund.baseValueMinor != null && stored.baseValueMinor != null && stored.baseValueMinor > 0
                && Objects.equals(refund.baseCurrency, stored.baseCurrency)) {
            deducted = scale(stored.valueMinor, refund.baseValueMinor, stored.baseValueMinor);
        } else {
            throw new PoisonMessageException("refund of conversion " + refund.conversionId + " is in "
                    + refund.currency + ", the conversion in " + stored.currency
                    + ", and the two have no base values in one currency to convert through");
        }
        long left = Math.max(0, stored.valueMinor - deducted);
        if (stored.baseValueMinor != null) {
            stored.baseValueMinor = stored.valueMinor == 0 ? 0 : scale(stored.baseValueMinor, left, stored.valueMinor);
        }
        stored.valueMinor = left;
        if (left == 0) {
            stored.status = REFUNDED;
        }
        if (newer(refund, stored)) {
            order(stored, refund);
        }
        return stored;
    }

    /** {@code amount × numerator / denominator}, rounded half-even to whole minor units. */
    static long scale(long amount, long numerator, long denominator) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static void copy(ConversionState from, ConversionState to) {
        to.eventId = from.eventId;
        copyFacts(from, to);
        to.valueMinor = from.valueMinor;
        to.currency = from.currency;
        to.baseValueMinor = from.baseValueMinor;
        to.baseCurrency = from.baseCurrency;
        order(to, from);
    }

    /** What only a whole version says: who, when, what kind, which stage, and its lookback. */
    private static void copyFacts(ConversionState from, ConversionState to) {
        to.personId = from.personId;
        to.conversionType = from.conversionType;
        to.status = from.status;
        to.occurredAt = from.occurredAt;
        to.sourceZone = from.sourceZone;
        to.accountPersonIds = from.accountPersonIds;
        to.counts = from.counts;
        to.lookbackDays = from.lookbackDays;
    }

    private static void order(ConversionState to, ConversionState from) {
        if (from.sourceUpdatedAt != null) {
            to.sourceUpdatedAt = from.sourceUpdatedAt;
        }
        if (from.ingestSequence != null) {
            to.ingestSequence = from.ingestSequence;
        }
        to.versionAt = versionTime(from);
    }

    private static Instant versionTime(ConversionState conversion) {
        return conversion.versionAt != null ? conversion.versionAt : conversion.occurredAt;
    }
}
