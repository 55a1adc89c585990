package io.closeloop.realistic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A generated tenant: the configuration an admin enters, the ingest requests in the order an integration sends
 * them, and the ground truth behind them.
 *
 * @param settings body of {@code PUT /api/v1/tenant/settings}
 * @param conversionTypes bodies of {@code PUT /api/v1/conversion-types/{name}} by name
 * @param trackingNumbers bodies of {@code PUT /api/v1/tracking-numbers/{number}} by E.164 number
 * @param fxRates body of {@code POST /api/v1/fx-rates}, entered before any event
 * @param lateFxRates body of {@code POST /api/v1/fx-rates}, entered after every event (rates arriving late)
 * @param plan every event request, in sending order ({@link Send#index()} is the position)
 * @param truth the ground truth
 * @param mix how many of each case the data holds (see {@link RealisticTenantGenerator})
 * @param firstDay the first day any event happens (UTC)
 * @param lastDay the last day any event happens (UTC)
 * @param promoCodes bodies of {@code PUT /api/v1/promo-codes/{code}} by code (empty without a story)
 * @param spend bodies of {@code POST /api/v1/spend}, sent after the late FX rates so that every day has its rate
 *        (empty without a story)
 */
public record RealisticTenant(Map<String, Object> settings, Map<String, Map<String, Object>> conversionTypes,
                              Map<String, Map<String, Object>> trackingNumbers, List<Map<String, Object>> fxRates,
                              List<Map<String, Object>> lateFxRates, List<Send> plan, Truth truth,
                              Map<String, Integer> mix, LocalDate firstDay, LocalDate lastDay,
                              Map<String, Map<String, Object>> promoCodes, List<Map<String, Object>> spend) {

    /**
     * One request to ingest.
     *
     * @param index position in the plan (the arrival order the calculator uses for versions without a source time)
     * @param path e.g. {@code /api/v1/touchpoints}
     * @param body the JSON body as maps, lists, strings and numbers
     * @param late a late-arriving record, sent after everything else
     * @param label what case it stands for (for logs)
     */
    public record Send(int index, String path, Map<String, Object> body, boolean late, String label) {
    }
}
