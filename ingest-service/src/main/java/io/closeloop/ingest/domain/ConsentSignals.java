package io.closeloop.ingest.domain;

import io.closeloop.contracts.ConsentPurpose;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a consent signal says per purpose. Consent Mode v2 maps one to one ({@code analytics_storage} is
 * {@code measurement}); GPC, and a GPP usnat section that opts out of sale, sharing or targeted advertising (or
 * carries GPC), set {@code sale_share_opt_out} to {@code granted} (= opted out). A usnat section whose three
 * opt-outs are all "did not opt out" sets it to {@code denied}; one that is not applicable says nothing. An opt-out
 * wins over a "did not opt out" from another part of the same signal.
 */
public final class ConsentSignals {

    public static final String GRANTED = "granted";
    public static final String DENIED = "denied";

    private ConsentSignals() {
    }

    public static Map<ConsentPurpose, String> purposes(Map<ConsentPurpose, String> consentMode, Boolean gpc,
                                                       UsNatSection usNat) {
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        purposes.putAll(consentMode);
        boolean optedOut = Boolean.TRUE.equals(gpc) || usNat != null && usNat.optedOut();
        if (optedOut) {
            purposes.put(ConsentPurpose.SALE_SHARE_OPT_OUT, GRANTED);
        } else if (usNat != null && usNat.speaksToOptOut()) {
            purposes.put(ConsentPurpose.SALE_SHARE_OPT_OUT, DENIED);
        }
        return purposes;
    }
}
