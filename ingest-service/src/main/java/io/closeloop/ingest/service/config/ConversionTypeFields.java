package io.closeloop.ingest.service.config;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversion type as an admin sets it; the name is the path. */
@Schema(description = "A kind of conversion the tenant counts")
public record ConversionTypeFields(
        @Schema(readOnly = true, examples = "deal") String name,
        @Schema(defaultValue = "true") Boolean countsAsConversion,
        @Schema(description = "CRM stages that count (new, qualified, mql, sql, won); empty: every event counts",
                examples = "[\"sql\", \"won\"]") List<String> countingStages,
        @Schema(defaultValue = "90", description = "1 to 3650") Integer defaultLookbackDays,
        @Schema(defaultValue = "false", description = "Whether events of this type must carry a value")
        Boolean valueRequired) {
}
