package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.LargestRemainder;
import io.closeloop.attribution.model.ModelChoice;
import io.closeloop.attribution.model.Touch;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Turns a model's credits into the {@code credits} record, and tells whether two results differ. */
public final class CreditSets {

    private CreditSets() {
    }

    /** The set, matched when some credit went to a touch (an active set of an unmatched conversion is unattributed). */
    public static CreditSet of(ConversionState conversion, AttributionModel model, List<Credit> credits,
                               long setVersion) {
        return of(conversion, model, credits, setVersion, credits.stream().anyMatch(c -> !c.isUnattributed()));
    }

    /**
     * The set of {@code conversion} under {@code model}. A conversion that is withdrawn (lost, cancelled, refunded) or
     * does not count as a conversion (a funnel stage) gets a withdrawn set without lines. Every set carries its
     * base-currency value and every line its base credit, split like the original currency (largest remainder over
     * the same weights), so the lines add up exactly to the set's base value; without a base value the set says
     * {@code rateMissing}.
     *
     * @param matched the conversion had at least one touch eligible for credit (lookback, consent, confidence)
     */
    public static CreditSet of(ConversionState conversion, AttributionModel model, List<Credit> credits,
                               long setVersion, boolean matched) {
        boolean withdrawn = conversion.toConversion().withdrawn() || !conversion.counts;
        Long baseValue = baseValue(conversion);
        List<CreditLine> lines = withdrawn ? List.of() : lines(credits, baseValue);
        Long fitVersion = model instanceof ModelChoice choice ? choice.fitVersion() : null;
        String fallback = model instanceof ModelChoice choice ? choice.fallbackModelId() : null;
        return new CreditSet(conversion.tenant, conversion.conversionId, conversion.conversionType,
                conversion.occurredAt, conversion.sourceZone, conversion.personId, model.id(), model.configVersion(),
                setVersion, withdrawn ? CreditSet.Status.WITHDRAWN : CreditSet.Status.ACTIVE, conversion.currency,
                conversion.valueMinor, lines, fitVersion, fallback, matched, conversion.baseCurrency, baseValue,
                baseValue == null);
    }

    /**
     * The value in the base currency: as the conversion carries it, 0 for a conversion without value, the value
     * itself when its currency is the base currency; null while no rate is known.
     */
    static Long baseValue(ConversionState conversion) {
        if (conversion.baseValueMinor != null) {
            return conversion.baseValueMinor;
        }
        if (conversion.valueMinor == 0) {
            return 0L;
        }
        return conversion.currency.equals(conversion.baseCurrency) ? conversion.valueMinor : null;
    }

    public static CreditSet withVersion(CreditSet set, long setVersion) {
        return new CreditSet(set.tenant(), set.conversionId(), set.conversionType(), set.conversionTime(),
                set.sourceZone(), set.personId(), set.modelId(), set.modelConfigVersion(), setVersion, set.status(),
                set.currency(), set.valueMinor(), set.lines(), set.fitVersion(), set.fallbackModelId(), set.matched(),
                set.baseCurrency(), set.baseValueMinor(), set.rateMissing());
    }

    /**
     * The set after its person was erased: status {@code anonymized}, no person id, no touch ids or times
     * (a touch time could single the person out again), credits and channels kept so totals stay. A set
     * that was withdrawn stays withdrawn: it has no lines to anonymize and no revenue to keep.
     */
    public static CreditSet anonymized(CreditSet set) {
        List<CreditLine> lines = set.lines().stream().map(line -> new CreditLine(null, null, line.channel(),
                line.source(), line.medium(), line.campaign(), line.creditMinor(), line.fractionalConversions(),
                line.baseCreditMinor())).toList();
        CreditSet.Status status = set.status() == CreditSet.Status.WITHDRAWN ? CreditSet.Status.WITHDRAWN
                : CreditSet.Status.ANONYMIZED;
        return new CreditSet(set.tenant(), set.conversionId(), set.conversionType(), set.conversionTime(),
                set.sourceZone(), null, set.modelId(), set.modelConfigVersion(), set.setVersion(), status,
                set.currency(), set.valueMinor(), lines, set.fitVersion(), set.fallbackModelId(), set.matched(),
                set.baseCurrency(), set.baseValueMinor(), set.rateMissing());
    }

    /**
     * A digest of everything a credit set says except its version and fit version: equal fingerprints mean
     * a recomputation changed nothing and must not be published again (a new fit that moves no credit is no
     * new content; a switch between fit and fallback is).
     */
    public static String fingerprint(CreditSet set) {
        CreditSet unversioned = new CreditSet(set.tenant(), set.conversionId(), set.conversionType(),
                set.conversionTime(), set.sourceZone(), set.personId(), set.modelId(), set.modelConfigVersion(), 0,
                set.status(), set.currency(), set.valueMinor(), set.lines(), null, set.fallbackModelId(),
                set.matched(), set.baseCurrency(), set.baseValueMinor(), set.rateMissing());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(unversioned).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<CreditLine> lines(List<Credit> credits, Long baseValue) {
        long[] base = null;
        if (baseValue != null && !credits.isEmpty()) {
            double[] weights = new double[credits.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = credits.get(i).fractionalConversions();
            }
            base = LargestRemainder.allocate(baseValue, weights);
        }
        List<CreditLine> lines = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            lines.add(line(credits.get(i), base == null ? null : base[i]));
        }
        return List.copyOf(lines);
    }

    private static CreditLine line(Credit credit, Long baseCredit) {
        Touch touch = credit.touch();
        if (touch == null) {
            return new CreditLine(null, null, Credit.UNATTRIBUTED, null, null, null, credit.creditMinor(),
                    credit.fractionalConversions(), baseCredit);
        }
        return new CreditLine(touch.id(), touch.at(), touch.channel(), touch.source(), touch.medium(),
                touch.campaign(), credit.creditMinor(), credit.fractionalConversions(), baseCredit);
    }
}
