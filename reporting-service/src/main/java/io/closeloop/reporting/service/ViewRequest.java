package io.closeloop.reporting.service;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.reporting.metrics.Grain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checked parameters of a metric view: days from..to inclusive, model, optional channel and campaign filters,
 * the date revenue lands on, the period grain and the answer's format.
 */
public record ViewRequest(LocalDate from, LocalDate to, String model, String channel, String campaign,
                          DateBasis dateBasis, Grain grain, boolean csv) {

    public enum DateBasis {
        CONVERSION, TOUCH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The raw query parameters as they arrived. */
    public record Params(String from, String to, String model, String channel, String campaign, String dateBasis,
                         String grain, String format, String accept) {
    }

    /**
     * Reads the parameters, reporting every bad one at once.
     *
     * @param defaultGrain the grain when none is given; null for views without periods (a grain is then ignored)
     * @throws InvalidInputException naming each refused parameter
     */
    public static ViewRequest parse(Params params, Set<String> models, String defaultModel, int maxRangeDays,
                                    Grain defaultGrain) {
        List<FieldError> errors = new ArrayList<>();
        ReportRequest dates = null;
        try {
            dates = ReportRequest.parse(params.from(), params.to(), params.model(), models, defaultModel,
                    maxRangeDays);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        DateBasis basis = DateBasis.CONVERSION;
        if (params.dateBasis() != null && !params.dateBasis().isBlank()) {
            String value = params.dateBasis().trim().toLowerCase(Locale.ROOT);
            if (value.equals("touch")) {
                basis = DateBasis.TOUCH;
            } else if (!value.equals("conversion")) {
                errors.add(FieldError.of("dateBasis", "must be conversion or touch"));
            }
        }
        Grain grain = defaultGrain;
        if (defaultGrain != null && params.grain() != null && !params.grain().isBlank()) {
            grain = Grain.parse(params.grain());
            if (grain == null) {
                errors.add(FieldError.of("grain", "must be day, week, month or quarter"));
            }
        }
        boolean csv = false;
        if (params.format() != null && !params.format().isBlank()) {
            String format = params.format().trim().toLowerCase(Locale.ROOT);
            if (format.equals("csv")) {
                csv = true;
            } else if (!format.equals("json")) {
                errors.add(FieldError.of("format", "must be json or csv"));
            }
        } else if (params.accept() != null && params.accept().toLowerCase(Locale.ROOT).contains("text/csv")) {
            csv = true;
        }
        String channel = filter("channel", params.channel(), errors);
        String campaign = filter("campaign", params.campaign(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ViewRequest(dates.from(), dates.to(), dates.model(), channel, campaign, basis, grain, csv);
    }

    private static String filter(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 200) {
            errors.add(FieldError.of(field, "at most 200 characters"));
        }
        return value;
    }
}
