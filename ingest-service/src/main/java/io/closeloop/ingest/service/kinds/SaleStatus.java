package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.service.Violations;
import java.util.List;
import java.util.Locale;

/** The status of a sale, order or job: {@code completed} (default) or {@code cancelled}. */
final class SaleStatus {

    static final List<String> VALUES = List.of("completed", "cancelled");

    private SaleStatus() {
    }

    static String of(Violations violations, String given) {
        if (given == null || given.isBlank()) {
            return "completed";
        }
        String status = given.trim().toLowerCase(Locale.ROOT);
        if (!VALUES.contains(status)) {
            violations.add("status", "must be one of " + VALUES);
        }
        return status;
    }
}
