package io.closeloop.reporting.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Each channel's revenue and conversions under every model, side by side")
public record ModelComparison(String view, LocalDate from, LocalDate to, String dateBasis, String currency,
                              String timeZone, List<String> models, List<Row> rows, List<WithoutRate> withoutRate) {

    public record Row(String channel, Map<String, Long> revenueMinorByModel,
                      Map<String, BigDecimal> conversionsByModel) {
    }
}
