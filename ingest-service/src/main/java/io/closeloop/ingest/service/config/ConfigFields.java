package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.ChannelRule;
import io.closeloop.ingest.domain.UtmNormalizer;
import io.closeloop.ingest.service.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/** Field rules the config APIs and the event kinds share: channels, UTM keys, currencies, days. */
public final class ConfigFields {

    private ConfigFields() {
    }

    /** An optional channel id, lower-cased; null when absent. */
    public static String channel(Violations violations, String field, String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String id = channel.trim().toLowerCase(Locale.ROOT);
        if (!ChannelRule.isChannelId(id)) {
            violations.add(field, "must be a snake_case channel id of 1 to 64 characters");
        }
        return id;
    }

    /** A UTM grouping key (source, medium, campaign) normalized like UTM values; null when absent. */
    public static String key(Violations violations, String field, String value) {
        violations.maxLength(field, value, 200);
        return UtmNormalizer.key(value);
    }

    public static String requiredKey(Violations violations, String field, String value) {
        String key = key(violations, field, value);
        if (key == null) {
            violations.add(field, "is required");
        }
        return key;
    }

    /** An ISO 4217 code (any case), upper-cased; null when absent or invalid (then named in violations). */
    public static String currency(Violations violations, String field, String code, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                violations.add(field, "is required");
            }
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                violations.add(field, "has no minor unit (" + currency.getCurrencyCode() + ")");
                return null;
            }
            return currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            violations.add(field, "is not an ISO 4217 currency code");
            return null;
        }
    }

    /** An ISO-8601 day; null when absent or invalid. */
    public static LocalDate day(Violations violations, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.add(field, "is not an ISO-8601 date (YYYY-MM-DD)");
            return null;
        }
    }
}
