package io.closeloop.reporting.service;

import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.repository.CreditConversionRepository;
import io.closeloop.reporting.repository.CreditDayRepository;
import io.closeloop.reporting.repository.CreditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the highest version of each credit set. A withdrawn set keeps no lines, so its revenue leaves
 * every report; an anonymized one keeps its amounts, so totals stay after an erasure.
 */
@ApplicationScoped
public class CreditIntake {

    private static final Logger LOG = Logger.getLogger(CreditIntake.class);

    private final CreditRepository credits;
    private final CreditDayRepository days;
    private final CreditConversionRepository conversions;

    public CreditIntake(CreditRepository credits, CreditDayRepository days, CreditConversionRepository conversions) {
        this.credits = credits;
        this.days = days;
        this.conversions = conversions;
    }

    public Uni<Void> apply(CreditSet set) {
        validate(set);
        // A restatement replaces: what the stored version added to the daily sums leaves before the new one adds.
        return days.lockConversion(set.tenant(), set.conversionId())
                .chain(() -> days.subtractReplaced(set.tenant(), set.conversionId(), set.modelId(), set.setVersion()))
                .chain(() -> credits.upsertIfHigher(set)).chain(newer -> {
            if (!newer) {
                LOG.debugf("credit set %s/%s version %d ignored: a higher one is stored", set.conversionId(),
                        set.modelId(), set.setVersion());
                return Uni.createFrom().voidItem();
            }
            List<CreditLine> lines = set.status() == CreditSet.Status.WITHDRAWN || set.lines() == null
                    ? List.of() : set.lines();
            return credits.replaceLines(set, lines)
                    .chain(() -> days.addSet(set.tenant(), set.conversionId(), set.modelId()))
                    .chain(() -> conversions.refileSet(set.tenant(), set.conversionId(), set.modelId()));
        });
    }

    private static void validate(CreditSet set) {
        require(set.conversionId(), "conversionId");
        require(set.modelId(), "modelId");
        require(set.status(), "status");
        require(set.conversionTime(), "conversionTime");
        require(set.currency(), "currency");
        if (set.setVersion() < 1) {
            throw new PoisonMessageException("credit set has no positive setVersion");
        }
        if (set.lines() != null) {
            for (CreditLine line : set.lines()) {
                if (line == null || line.channel() == null) {
                    throw new PoisonMessageException("credit set has a line without channel");
                }
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new PoisonMessageException("credit set has no " + field);
        }
    }
}
