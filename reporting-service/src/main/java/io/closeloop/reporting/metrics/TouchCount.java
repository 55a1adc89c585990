package io.closeloop.reporting.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one touch counts: its tenant-zone day, channel and campaign ('' for none), the source and medium shown as
 * unknown UTM values when its channel is {@value #UNASSIGNED}, and whether its consent granted measurement.
 */
public record TouchCount(LocalDate day, String channel, String campaign, String source, String medium,
                         boolean measured) {

    public static final String UNASSIGNED = "unassigned";
    public static final String DIRECT = "direct";

    /** (field, value) pairs this touch adds to the unknown UTM values: none unless measured and unassigned. */
    public List<String[]> unknownUtmValues() {
        List<String[]> values = new ArrayList<>();
        if (measured && UNASSIGNED.equals(channel)) {
            if (source != null && !source.isBlank()) {
                values.add(new String[] {"source", source});
            }
            if (medium != null && !medium.isBlank()) {
                values.add(new String[] {"medium", medium});
            }
        }
        return values;
    }
}
