package io.closeloop.reporting.repository;

import java.time.LocalDate;

/** The keys a report row groups by; null where the view does not group by it. Campaign '' is none. */
public record GroupKey(String model, String channel, String campaign, LocalDate period) {

    public static final GroupKey TOTAL = new GroupKey(null, null, null, null);
}
