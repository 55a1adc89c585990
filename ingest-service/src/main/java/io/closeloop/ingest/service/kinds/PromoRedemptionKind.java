package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import jakarta.inject.Singleton;

/** Promo codes redeemed (online or at a till): channel {@code offline} unless the code's mapping names another. */
@Singleton
public class PromoRedemptionKind extends CodeKind {

    public PromoRedemptionKind(RequestReaders readers, IngestConfig config) {
        super("promo-redemptions", "promo", ChannelGrouping.OFFLINE, readers, config);
    }
}
