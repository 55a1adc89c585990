package io.closeloop.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Consent purposes; {@code measurement} is Consent Mode's analytics_storage. */
public enum ConsentPurpose {
    MEASUREMENT, AD_STORAGE, AD_USER_DATA, AD_PERSONALIZATION, SALE_SHARE_OPT_OUT;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
