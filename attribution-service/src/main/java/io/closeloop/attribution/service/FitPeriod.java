package io.closeloop.attribution.service;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversions [{@code from}, {@code to}) a fit learns from. The default is the latest fit period of the
 * tenant's own data: it ends just after the newest conversion, whenever that was, so imported history is fitted
 * like live data. A tenant may name any period in UTC days, both ends inclusive.
 */
public record FitPeriod(Instant from, Instant to) {

    /** The longest period a fit may cover. */
    public static final int MAX_DAYS = 3660;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    public FitPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty period " + from + ".." + to);
        }
    }

    /** {@code length} up to the newest conversion (included); up to {@code now} when there is none. */
    public static FitPeriod latestOfData(Instant newestConversion, Duration length, Instant now) {
        Instant to = newestConversion == null ? now
                : newestConversion.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        return new FitPeriod(to.minus(length), to);
    }

    /**
     * The period a request names: {@code from}/{@code to} as UTC days (inclusive), either may be absent —
     * a missing {@code to} is the data's end, a missing {@code from} lies {@code length} before {@code to}.
     *
     * @return null when neither is given (the default period applies)
     * @throws InvalidInputException naming {@code from} or {@code to}
     */
    public static FitPeriod parse(String from, String to, Instant newestConversion, Duration length, Instant now) {
        if (blank(from) && blank(to)) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant end = last != null ? last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : latestOfData(newestConversion, length, now).to();
        Instant start = first != null ? first.atStartOfDay(ZoneOffset.UTC).toInstant() : end.minus(length);
        if (!start.isBefore(end)) {
            throw new InvalidInputException(last != null ? "to" : "from", "the period must end after it starts"
                    + " (from " + start + ", to " + end + ")");
        }
        if (Duration.between(start, end).toDays() > MAX_DAYS) {
            throw new InvalidInputException("to", "a fit covers at most " + MAX_DAYS + " days");
        }
        return new FitPeriod(start, end);
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.isBefore(EARLIEST) || day.getYear() > 9999) {
                errors.add(FieldError.of(field, "must lie between 1970-01-01 and 9999-12-31"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "is not an ISO-8601 date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
