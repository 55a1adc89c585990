package io.closeloop.reporting.repository;

/** Key columns of the report tables: a missing campaign is stored as '' so that it can be part of a primary key. */
public final class Keys {

    private Keys() {
    }

    public static String campaign(String campaign) {
        return campaign == null ? "" : campaign;
    }

    /** The stored campaign as reports show it: '' is none. */
    public static String shown(String campaign) {
        return campaign == null || campaign.isEmpty() ? null : campaign;
    }
}
