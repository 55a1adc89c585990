package io.closeloop.reporting.service;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The checked parameters of a report: days from..to inclusive and the model. */
public record ReportRequest(LocalDate from, LocalDate to, String model) {

    /**
     * Reads the query parameters, reporting every bad one at once.
     *
     * @throws InvalidInputException naming each refused parameter
     */
    public static ReportRequest parse(String from, String to, String model, Set<String> models, String defaultModel,
                                      int maxRangeDays) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null) {
            if (fromDate.isAfter(toDate)) {
                errors.add(FieldError.of("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > maxRangeDays) {
                errors.add(FieldError.of("to", "the range may span at most " + maxRangeDays + " days"));
            }
        }
        String modelId = model == null || model.isBlank() ? defaultModel : model.trim();
        if (!models.contains(modelId)) {
            errors.add(FieldError.of("model", "unknown model; known: " + new TreeSet<>(models)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportRequest(fromDate, toDate, modelId);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }
}
