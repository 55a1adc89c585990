package io.closeloop.ingest.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses in the forms Closeloop needs. {@link #normalize} is the common form (trimmed,
 * lower-cased) and the one Meta and Google hash. {@link #matchForm} is the form compared for identity:
 * Gmail ignores dots and everything from a {@code +} in the local part and treats googlemail.com as
 * gmail.com, so those variants are one mailbox and must give one match key. Other providers are left
 * alone: their plus and dot rules differ and a wrong merge is worse than a missed one.
 */
public final class EmailNormalizer {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String GMAIL = "gmail.com";
    private static final String GOOGLEMAIL = "googlemail.com";

    private EmailNormalizer() {
    }

    /** The normalized address, or empty when the text is not an address. */
    public static Optional<String> normalize(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return SHAPE.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
    }

    /**
     * The form used for the match key: for gmail.com and googlemail.com the local part without dots and
     * without a {@code +tag}, at gmail.com; any other address as normalized. A Gmail local part that would
     * be empty after that (e.g. {@code +tag@gmail.com}) is kept as normalized rather than made up.
     */
    public static Optional<String> matchForm(String email) {
        return normalize(email).map(EmailNormalizer::matchFormOfNormalized);
    }

    /**
     * Google's optional variant without dots in a Gmail local part (stated for Campaign Manager 360; a
     * per-destination option for Google Ads), or empty when the address is not Gmail or has no dot to
     * remove. The {@code +tag} and the domain are kept: Google asks only for the dots to go.
     */
    public static Optional<String> googleWithoutGmailDots(String normalized) {
        int at = normalized.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        if (!isGmail(domain) || local.indexOf('.') < 0) {
            return Optional.empty();
        }
        String withoutDots = local.replace(".", "");
        return withoutDots.isEmpty() ? Optional.empty() : Optional.of(withoutDots + "@" + domain);
    }

    private static String matchFormOfNormalized(String normalized) {
        int at = normalized.lastIndexOf('@');
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        if (!isGmail(domain)) {
            return normalized;
        }
        int plus = local.indexOf('+');
        String mailbox = (plus < 0 ? local : local.substring(0, plus)).replace(".", "");
        return mailbox.isEmpty() ? normalized : mailbox + "@" + GMAIL;
    }

    private static boolean isGmail(String domain) {
        return domain.equals(GMAIL) || domain.equals(GOOGLEMAIL);
    }
}
