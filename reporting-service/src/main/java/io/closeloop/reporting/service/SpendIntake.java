package io.closeloop.reporting.service;

import io.closeloop.contracts.SpendRecord;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.repository.SpendRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the latest spend per day, channel and campaign: a corrected day replaces the earlier figure. */
@ApplicationScoped
public class SpendIntake {

    private final SpendRepository spend;

    public SpendIntake(SpendRepository spend) {
        this.spend = spend;
    }

    public Uni<Void> apply(SpendRecord record) {
        if (record.date() == null || record.channel() == null || record.amount() == null
                || record.amount().currency() == null) {
            throw new PoisonMessageException("spend record needs date, channel and amount with currency");
        }
        if (record.baseAmount() != null && record.baseAmount().currency() == null) {
            throw new PoisonMessageException("spend record has a base amount without currency");
        }
        return spend.upsert(record);
    }
}
