package io.closeloop.reporting.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Conversions that reached each lead stage on the range's days")
public record FunnelReport(String view, LocalDate from, LocalDate to, String model, String timeZone,
                           List<Stage> stages) {

    public record Stage(String stage, long count,
                        @Schema(description = "count / the previous stage's count; null for new and lost")
                        BigDecimal rateFromPrevious) {
    }
}
