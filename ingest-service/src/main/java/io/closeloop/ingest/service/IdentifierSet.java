package io.closeloop.ingest.service;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.ingest.domain.EmailNormalizer;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.PhoneNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifiers of one event, hashed: match keys for identity and the platforms' export hashes. Events
 * through the OIDC API come from authenticated sources, so their identifiers are verified.
 */
final class IdentifierSet {

    private final IdentifierHasher hasher;
    private final Violations violations;
    private final List<IdentifierRef> identifiers = new ArrayList<>();
    private final Map<String, String> exportHashes = new LinkedHashMap<>();

    IdentifierSet(IdentifierHasher hasher, Violations violations) {
        this.hasher = hasher;
        this.violations = violations;
    }

    /**
     * The match key is over the matching form (Gmail dots and +tags folded, so one mailbox is one person);
     * the export hashes are over each platform's own form.
     */
    IdentifierSet email(String email) {
        return email("email", email);
    }

    /** An email sent in {@code field} (e.g. an email click's {@code recipient}). */
    IdentifierSet email(String field, String email) {
        if (email != null) {
            EmailNormalizer.normalize(email).ifPresentOrElse(normalized -> {
                String matchForm = EmailNormalizer.matchForm(normalized).orElseThrow();
                identifiers.add(new IdentifierRef(IdentifierKind.EMAIL, hasher.matchKey("email", matchForm),
                        Trust.VERIFIED));
                exportHashes.putAll(ExportHashes.ofEmail(normalized));
            }, () -> violations.add(field, "is not an email address"));
        }
        return this;
    }

    /** A phone number read in the tenant's default region; match key and export hashes over E.164. */
    IdentifierSet phone(String phone, String defaultRegion) {
        return phone(IdentifierKind.PHONE, "phone", phone, defaultRegion);
    }

    /**
     * A phone number of {@code kind} (PHONE, or CALLER for the number a call came from). A caller's match key is
     * the phone's ({@code phone:} + E.164), so identity can relate a caller to a known phone, while the kind keeps
     * the weaker evidence (shared lines) apart.
     */
    IdentifierSet phone(IdentifierKind kind, String field, String phone, String defaultRegion) {
        if (phone != null) {
            PhoneNormalizer.toE164(phone, defaultRegion).ifPresentOrElse(e164 -> {
                identifiers.add(new IdentifierRef(kind, hasher.matchKey("phone", e164), Trust.VERIFIED));
                exportHashes.putAll(ExportHashes.ofPhone(e164));
            }, () -> violations.add(field, "is not a valid phone number for region " + defaultRegion
                    + " (use + and the country code for other countries)"));
        }
        return this;
    }

    IdentifierSet id(IdentifierKind kind, String field, String value) {
        if (value != null) {
            if (value.isBlank() || value.length() > 200) {
                violations.add(field, "must be 1 to 200 characters");
            } else {
                identifiers.add(new IdentifierRef(kind, value.trim(), Trust.VERIFIED));
            }
        }
        return this;
    }

    IdentifierSet clickIds(Map<String, String> clickIds) {
        clickIds.forEach((name, value) -> id(IdentifierKind.CLICK_ID, "clickIds." + name, name + ":" + value));
        return this;
    }

    List<IdentifierRef> identifiers() {
        return List.copyOf(identifiers);
    }

    Map<String, String> exportHashes() {
        return Map.copyOf(exportHashes);
    }
}
