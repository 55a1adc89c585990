package io.closeloop.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportRequestTest {

    private static final Set<String> MODELS = Set.of("last_touch");

    @Test
    void validParametersAreRead() {
        ReportRequest request = parse("2026-01-01", "2026-12-31", null);

        assertThat(request).isEqualTo(new ReportRequest(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                "last_touch"));
        assertThat(parse("2024-01-01", "2024-12-31", "last_touch").to()).isEqualTo(LocalDate.of(2024, 12, 31));
        // 366 days from and to inclusive: the longest range allowed.
        assertThat(parse("2025-01-01", "2026-01-01", "last_touch").to()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThat(fields(null, "2026-01-01", null)).containsExactly("from");
        assertThat(fields("2026-01-01", "2026-13-01", null)).containsExactly("to");
        assertThat(fields("01/02/2026", "", "markov")).containsExactly("from", "to", "model");
        assertThat(fields("2026-02-02", "2026-02-01", null)).containsExactly("from");
        // 2024 is a leap year: 367 days from Jan 1 to Jan 1 next year.
        assertThat(fields("2024-01-01", "2025-01-01", null)).containsExactly("to");
        assertThat(fields("2025-01-01", "2026-01-02", null)).containsExactly("to");
        assertThat(fields("2025-01-01", "2025-12-31", "first_touch")).containsExactly("model");
    }

    private static ReportRequest parse(String from, String to, String model) {
        return ReportRequest.parse(from, to, model, MODELS, "last_touch", 366);
    }

    private static String[] fields(String from, String to, String model) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(from, to, model));
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toArray(String[]::new);
    }
}
