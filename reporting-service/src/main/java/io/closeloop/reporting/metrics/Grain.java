package io.closeloop.reporting.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Periods of the over-time views: days, ISO weeks (Monday first), months and quarters of the tenant's calendar. */
public enum Grain {
    DAY, WEEK, MONTH, QUARTER;

    /** Parses {@code day|week|month|quarter}; null when unknown. */
    public static Grain parse(String value) {
        if (value == null) {
            return null;
        }
        for (Grain grain : values()) {
            if (grain.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return grain;
            }
        }
        return null;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The period starts of every period touching from..to (inclusive), in order. */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = start(from); !start.isAfter(to); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }

    /** 2026-01-05, 2026-W02, 2026-01 or 2026-Q1. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    /**
     * The same period a year earlier: the same month, quarter or day of the previous year (29 February → 28th), the
     * same ISO week number of the previous week-based year (week 53 → the previous year's last week).
     */
    public LocalDate yearEarlier(LocalDate start) {
        return start(yearEarlierDay(start));
    }

    /** The day a year earlier in this grain's calendar: for weeks the same weekday of the same ISO week. */
    public LocalDate yearEarlierDay(LocalDate day) {
        if (this != WEEK) {
            return day.minusYears(1);
        }
        // Changing the week-based year keeps the week number and weekday (week 53 becomes 52 where there is none).
        return day.with(IsoFields.WEEK_BASED_YEAR, day.get(IsoFields.WEEK_BASED_YEAR) - 1L);
    }
}
