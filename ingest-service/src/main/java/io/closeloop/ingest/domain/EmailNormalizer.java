package io.closeloop.ingest.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as they are compared: trimmed and lower-cased. */
public final class EmailNormalizer {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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
}
