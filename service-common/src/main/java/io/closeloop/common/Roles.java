package io.closeloop.common;

/** Realm roles of the {@code closeloop} realm. */
public final class Roles {
    /** Machines and people that send data in. */
    public static final String INGEST = "ingest";
    /** Reads reports. */
    public static final String ANALYST = "analyst";
    /** Consent, data-subject requests, the audit log. */
    public static final String COMPLIANCE = "compliance";
    /** Tenant configuration. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
