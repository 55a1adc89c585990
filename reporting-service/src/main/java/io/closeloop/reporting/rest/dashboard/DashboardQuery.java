package io.closeloop.reporting.rest.dashboard;

import io.vertx.core.MultiMap;

/**
 * The dashboard's filters as the page sends them; checked by the report service like the bearer API's.
 *
 * @param format {@code csv} for a download, else JSON
 */
record DashboardQuery(String from, String to, String model, String channel, String campaign, String format,
                      String grain, String dateBasis) {

    static DashboardQuery of(MultiMap params) {
        return new DashboardQuery(params.get("from"), params.get("to"), params.get("model"),
                blankToNull(params.get("channel")), blankToNull(params.get("campaign")), params.get("format"),
                blankToNull(params.get("grain")), blankToNull(params.get("dateBasis")));
    }

    boolean csv() {
        return "csv".equalsIgnoreCase(format);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
