package io.closeloop.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kinds of identifier an event can carry, strongest first. Emails, phones and caller numbers travel only
 * as per-tenant HMAC match keys; the other kinds are pseudonymous ids issued by a system.
 */
public enum IdentifierKind {
    CRM_CONTACT("crm_contact", 0),
    CRM_LEAD("crm_lead", 1),
    CRM_DEAL("crm_deal", 2),
    EMAIL("email", 3),
    PHONE("phone", 4),
    CALLER("caller", 5),
    CLICK_ID("click_id", 6),
    PROMO_CODE("promo_code", 7),
    BADGE("badge", 8),
    DEVICE("device", 9);

    private final String code;
    private final int strength;

    IdentifierKind(String code, int strength) {
        this.code = code;
        this.strength = strength;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Lower is stronger. */
    public int strength() {
        return strength;
    }
}
