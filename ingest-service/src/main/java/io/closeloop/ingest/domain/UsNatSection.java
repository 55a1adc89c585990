package io.closeloop.ingest.domain;

/**
 * The opt-out fields of a GPP US national section (id 7): the core segment and, when present, the GPC
 * sub-section. Opt-out values are 0 not applicable, 1 opted out, 2 did not opt out. Version 1 has 12
 * sensitive-data and 2 known-child fields, version 2 has 16 and 3; the fields read here come before them.
 */
public record UsNatSection(int version, int saleOptOut, int sharingOptOut, int targetedAdvertisingOptOut,
                           Boolean gpc) {

    public static final int NOT_APPLICABLE = 0;
    public static final int OPTED_OUT = 1;
    public static final int DID_NOT_OPT_OUT = 2;
    private static final int GPC_SUBSECTION = 1;

    static UsNatSection parse(String section) {
        String[] segments = section.split("\\.", -1);
        GppBits core = new GppBits(segments[0]);
        int version = core.integer(6);
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("usnat version " + version + " is not supported");
        }
        core.integer(2 * 6); // the six notice fields
        int sale = optOut(core.integer(2), "SaleOptOut");
        int sharing = optOut(core.integer(2), "SharingOptOut");
        int targeted = optOut(core.integer(2), "TargetedAdvertisingOptOut");
        Boolean gpc = null;
        for (int i = 1; i < segments.length; i++) {
            GppBits sub = new GppBits(segments[i]);
            if (sub.integer(2) == GPC_SUBSECTION) {
                gpc = sub.bit();
            }
        }
        return new UsNatSection(version, sale, sharing, targeted, gpc);
    }

    private static int optOut(int value, String field) {
        if (value == 3) {
            throw new IllegalArgumentException("usnat " + field + " has the undefined value 3");
        }
        return value;
    }

    /** This section's opt-outs read with another's: per field an opt-out wins, then a "did not opt out". */
    UsNatSection together(UsNatSection other) {
        Boolean bothGpc = Boolean.TRUE.equals(gpc) || Boolean.TRUE.equals(other.gpc) ? Boolean.TRUE
                : gpc != null ? gpc : other.gpc;
        return new UsNatSection(version, either(saleOptOut, other.saleOptOut),
                either(sharingOptOut, other.sharingOptOut),
                either(targetedAdvertisingOptOut, other.targetedAdvertisingOptOut), bothGpc);
    }

    private static int either(int one, int other) {
        if (one == OPTED_OUT || other == OPTED_OUT) {
            return OPTED_OUT;
        }
        return one == DID_NOT_OPT_OUT || other == DID_NOT_OPT_OUT ? DID_NOT_OPT_OUT : NOT_APPLICABLE;
    }

    /** Opted out of sale, sharing or targeted advertising, or GPC set: the person's data is not sold or shared. */
    public boolean optedOut() {
        return saleOptOut == OPTED_OUT || sharingOptOut == OPTED_OUT || targetedAdvertisingOptOut == OPTED_OUT
                || Boolean.TRUE.equals(gpc);
    }

    /** Whether the section says anything about opting out (all three fields not applicable and no GPC: nothing). */
    public boolean speaksToOptOut() {
        return saleOptOut != NOT_APPLICABLE || sharingOptOut != NOT_APPLICABLE
                || targetedAdvertisingOptOut != NOT_APPLICABLE || gpc != null;
    }
}
