package io.closeloop.identity.domain;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in server-side basis: events from authenticated server-side sources (CRM, POS, calls) without a
 * signal have measurement and ad use granted and no sale/share opt-out. Tenants change it, and the regional
 * defaults, through {@link ConsentRules}.
 */
public final class ConsentDefaults {

    public static final String SERVER_SIDE_DEFAULT = "server_side_default";

    private ConsentDefaults() {
    }

    public static ConsentSnapshot serverSide(Instant eventTime) {
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        purposes.put(ConsentPurpose.MEASUREMENT, ConsentSnapshot.GRANTED);
        purposes.put(ConsentPurpose.AD_STORAGE, ConsentSnapshot.GRANTED);
        purposes.put(ConsentPurpose.AD_USER_DATA, ConsentSnapshot.GRANTED);
        purposes.put(ConsentPurpose.AD_PERSONALIZATION, ConsentSnapshot.GRANTED);
        purposes.put(ConsentPurpose.SALE_SHARE_OPT_OUT, ConsentSnapshot.DENIED);
        return new ConsentSnapshot(Map.copyOf(purposes), SERVER_SIDE_DEFAULT, eventTime);
    }
}
