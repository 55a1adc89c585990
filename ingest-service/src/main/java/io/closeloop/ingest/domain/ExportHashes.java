package io.closeloop.ingest.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-platform export hashes (SHA-256, lower-case hex) of one identifier, each over that platform's own
 * normalization, so an export never has to see a clear value again:
 * <ul>
 *   <li>{@code google_email}: trimmed, lower-cased address (Google enhanced conversions);</li>
 *   <li>{@code google_email_nodots}: the same without dots in a Gmail local part — only for Gmail
 *       addresses that have dots, since Google states that rule for Campaign Manager 360 only and an
 *       export picks the variant per destination;</li>
 *   <li>{@code meta_email}: trimmed, lower-cased address (Meta Conversions API {@code em});</li>
 *   <li>{@code google_phone}: E.164 with the {@code +};</li>
 *   <li>{@code meta_phone}: E.164 digits without the {@code +} (Meta {@code ph}: country code, no
 *       leading zeros or symbols).</li>
 * </ul>
 */
public final class ExportHashes {

    private ExportHashes() {
    }

    /** Hashes of a normalized address ({@link EmailNormalizer#normalize}), never the match form. */
    public static Map<String, String> ofEmail(String normalizedEmail) {
        Map<String, String> hashes = new LinkedHashMap<>();
        String sha = IdentifierHasher.sha256(normalizedEmail);
        hashes.put("google_email", sha);
        EmailNormalizer.googleWithoutGmailDots(normalizedEmail)
                .ifPresent(noDots -> hashes.put("google_email_nodots", IdentifierHasher.sha256(noDots)));
        hashes.put("meta_email", sha);
        return hashes;
    }

    /** Hashes of an E.164 number ({@link PhoneNormalizer#toE164}). */
    public static Map<String, String> ofPhone(String e164) {
        if (!e164.matches("\\+[1-9][0-9]{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("google_phone", IdentifierHasher.sha256(e164));
        hashes.put("meta_phone", IdentifierHasher.sha256(e164.substring(1)));
        return hashes;
    }
}
