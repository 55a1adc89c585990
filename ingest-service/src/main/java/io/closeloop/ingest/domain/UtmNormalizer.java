package io.closeloop.ingest.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The UTM case and whitespace rules. Source, medium and campaign are grouping keys (channels, spend joins),
 * so they are trimmed, inner whitespace runs collapsed to one space and lower-cased: "Google " and "google"
 * must be one source. Term and content are free text shown back to people, so they are only trimmed.
 * Empty values and the analytics placeholders {@code (not set)} / {@code (none)} mean "absent" (null),
 * so a placeholder never becomes a campaign of its own.
 */
public final class UtmNormalizer {

    /** Unicode-aware so that no-break spaces from copy-pasted campaign names count as whitespace too. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGES = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    private UtmNormalizer() {
    }

    /** A grouping key (source, medium, campaign): trimmed, whitespace collapsed, lower case; null if absent. */
    public static String key(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(trim(value)).replaceAll(" ").toLowerCase(Locale.ROOT);
        return isPlaceholder(collapsed) ? null : collapsed;
    }

    /** A free-text value (term, content): only trimmed; null if absent. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = trim(value);
        return isPlaceholder(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
    }

    public static UtmParameters normalize(String source, String medium, String campaign, String term,
                                          String content) {
        return new UtmParameters(key(source), key(medium), key(campaign), text(term), text(content));
    }

    private static String trim(String value) {
        return EDGES.matcher(value).replaceAll("");
    }

    private static boolean isPlaceholder(String lowerCased) {
        return lowerCased.isEmpty() || lowerCased.equals("(not set)") || lowerCased.equals("(none)");
    }
}
