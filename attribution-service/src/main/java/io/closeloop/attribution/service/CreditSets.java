package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.ModelChoice;
import io.closeloop.attribution.model.Touch;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Turns a model's credits into the {@code credits} record, and tells whether two results differ. */
public final class CreditSets {

    private CreditSets() {
    }

    public static CreditSet of(ConversionState conversion, AttributionModel model, List<Credit> credits,
                               long setVersion) {
        boolean withdrawn = conversion.toConversion().withdrawn();
        List<CreditLine> lines = withdrawn ? List.of() : credits.stream().map(CreditSets::line).toList();
        Long fitVersion = model instanceof ModelChoice choice ? choice.fitVersion() : null;
        String fallback = model instanceof ModelChoice choice ? choice.fallbackModelId() : null;
        return new CreditSet(conversion.tenant, conversion.conversionId, conversion.conversionType,
                conversion.occurredAt, conversion.sourceZone, conversion.personId, model.id(), model.configVersion(),
                setVersion, withdrawn ? CreditSet.Status.WITHDRAWN : CreditSet.Status.ACTIVE, conversion.currency,
                conversion.valueMinor, lines, fitVersion, fallback);
    }

    public static CreditSet withVersion(CreditSet set, long setVersion) {
        return new CreditSet(set.tenant(), set.conversionId(), set.conversionType(), set.conversionTime(),
                set.sourceZone(), set.personId(), set.modelId(), set.modelConfigVersion(), setVersion, set.status(),
                set.currency(), set.valueMinor(), set.lines(), set.fitVersion(), set.fallbackModelId());
    }

    /**
     * The set after its person was erased: status {@code anonymized}, no person id, no touch ids or times
     * (a touch time could single the person out again), credits and channels kept so totals stay. A set
     * that was withdrawn stays withdrawn: it has no lines to anonymize and no revenue to keep.
     */
    public static CreditSet anonymized(CreditSet set) {
        List<CreditLine> lines = set.lines().stream().map(line -> new CreditLine(null, null, line.channel(),
                line.source(), line.medium(), line.campaign(), line.creditMinor(), line.fractionalConversions()))
                .toList();
        CreditSet.Status status = set.status() == CreditSet.Status.WITHDRAWN ? CreditSet.Status.WITHDRAWN
                : CreditSet.Status.ANONYMIZED;
        return new CreditSet(set.tenant(), set.conversionId(), set.conversionType(), set.conversionTime(),
                set.sourceZone(), null, set.modelId(), set.modelConfigVersion(), set.setVersion(), status,
                set.currency(), set.valueMinor(), lines, set.fitVersion(), set.fallbackModelId());
    }

    /**
     * A digest of everything a credit set says except its version and fit version: equal fingerprints mean
     * a recomputation changed nothing and must not be published again (a new fit that moves no credit is no
     * new content; a switch between fit and fallback is).
     */
    public static String fingerprint(CreditSet set) {
        CreditSet unversioned = new CreditSet(set.tenant(), set.conversionId(), set.conversionType(),
                set.conversionTime(), set.sourceZone(), set.personId(), set.modelId(), set.modelConfigVersion(), 0,
                set.status(), set.currency(), set.valueMinor(), set.lines(), null, set.fallbackModelId());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(unversioned).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static CreditLine line(Credit credit) {
        Touch touch = credit.touch();
        if (touch == null) {
            return new CreditLine(null, null, Credit.UNATTRIBUTED, null, null, null, credit.creditMinor(),
                    credit.fractionalConversions());
        }
        return new CreditLine(touch.id(), touch.at(), touch.channel(), touch.source(), touch.medium(),
                touch.campaign(), credit.creditMinor(), credit.fractionalConversions());
    }
}
