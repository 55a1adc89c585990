package io.closeloop.ingest.service.kinds;

import io.closeloop.common.FieldError;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.ingest.domain.EmailNormalizer;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.PhoneNormalizer;
import io.closeloop.ingest.service.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The identifiers of one event, hashed: match keys for identity and the platforms' export hashes. Events
 * through the OIDC API come from authenticated sources, so their identifiers are verified.
 *
 * <p>An email or phone that cannot be normalized is dropped as an identifier with a warning, and the event is kept:
 * a contact field typed wrongly must never cost a sale or a touch. Only where the event is about nothing but the
 * person ({@link #requireOne()}) or the person must be found ({@link #strict()}) is it an error.
 */
public final class IdentifierSet {

    static final String DROPPED = "; dropped as an identifier, the event was kept";

    private final IdentifierHasher hasher;
    private final Violations violations;
    private final List<IdentifierRef> identifiers = new ArrayList<>();
    private final Map<String, String> exportHashes = new LinkedHashMap<>();
    /** What the answer reports as warnings; {@code unusable} holds the identifier fields among them. */
    private final List<FieldError> warnings = new ArrayList<>();
    private final List<FieldError> unusable = new ArrayList<>();
    private String region;
    private boolean strict;

    public IdentifierSet(IdentifierHasher hasher, Violations violations) {
        this.hasher = hasher;
        this.violations = violations;
    }

    /**
     * The region phone numbers without a country code are read in: the event's own {@code phoneRegion} when sent,
     * else the tenant's. An unknown region is a warning, and then only numbers in international notation are read.
     */
    public IdentifierSet inRegion(String eventRegion, String tenantRegion) {
        region = regionOf("phoneRegion", eventRegion, tenantRegion);
        return this;
    }

    /** The region of one number that may have its own ({@code field} names it, e.g. {@code trackingNumberRegion}). */
    String regionOf(String field, String given, String fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        if (!PhoneNormalizer.isKnownRegion(given)) {
            String reason = "is not an ISO 3166 alpha-2 region libphonenumber knows; only numbers with + and the"
                    + " country code were read";
            if (strict) {
                violations.add(field, reason);
            } else {
                warnings.add(FieldError.of(field, reason));
            }
            return null;
        }
        return given.trim().toUpperCase(Locale.ROOT);
    }

    /** Unusable contact fields are errors, not warnings: a compliance request must name its person exactly. */
    public IdentifierSet strict() {
        this.strict = true;
        return this;
    }

    /**
     * The match key is over the matching form (Gmail dots and +tags folded, so one mailbox is one person);
     * the export hashes are over each platform's own form.
     */
    public IdentifierSet email(String email) {
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
            }, () -> drop(field, "is not an email address"));
        }
        return this;
    }

    /** The event's phone number, read in its region; match key and export hashes over E.164. */
    public IdentifierSet phone(String phone) {
        return phone("phone", phone);
    }

    /** A phone number sent in {@code field} (a caller's number, an SMS recipient), read in the event's region. */
    IdentifierSet phone(String field, String phone) {
        return phone(field, phone, region);
    }

    /** A phone number sent in {@code field}, read in {@code numberRegion} (null: international notation only). */
    IdentifierSet phone(String field, String phone, String numberRegion) {
        if (phone != null) {
            PhoneNormalizer.toE164(phone, numberRegion).ifPresentOrElse(e164 -> {
                identifiers.add(new IdentifierRef(IdentifierKind.PHONE, hasher.matchKey("phone", e164),
                        Trust.VERIFIED));
                exportHashes.putAll(ExportHashes.ofPhone(e164));
            }, () -> drop(field, numberRegion == null
                    ? "is not a valid phone number in international notation (+ and the country code)"
                    : "is not a valid phone number for region " + numberRegion
                            + " (send phoneRegion, or + and the country code)"));
        }
        return this;
    }

    /**
     * A caller's number as the {@code caller} kind identity knew before callers became phones; only so that a
     * compliance request still finds what was stored under it.
     */
    public IdentifierSet formerCallerKey(String phone) {
        PhoneNormalizer.toE164(phone, region).ifPresent(e164 -> identifiers.add(
                new IdentifierRef(IdentifierKind.CALLER, hasher.matchKey("phone", e164), Trust.VERIFIED)));
        return this;
    }

    public IdentifierSet id(IdentifierKind kind, String field, String value) {
        if (value != null) {
            if (value.isBlank() || value.length() > 200) {
                violations.add(field, "must be 1 to 200 characters");
            } else {
                identifiers.add(new IdentifierRef(kind, value.trim(), Trust.VERIFIED));
            }
        }
        return this;
    }

    public IdentifierSet clickIds(Map<String, String> clickIds) {
        clickIds.forEach((name, value) -> id(IdentifierKind.CLICK_ID, "clickIds." + name, name + ":" + value));
        return this;
    }

    /**
     * For kinds that say something about a person and nothing else (a form fill, a message click, a consent, an
     * assignment): when no identifier is left, the dropped fields are errors after all.
     */
    IdentifierSet requireOne() {
        if (identifiers.isEmpty()) {
            unusable.forEach(error -> violations.add(error.field(), error.reason()));
        }
        return this;
    }

    private void drop(String field, String reason) {
        if (strict) {
            violations.add(field, reason);
        } else {
            unusable.add(FieldError.of(field, reason));
            warnings.add(FieldError.of(field, reason + DROPPED));
        }
    }

    public List<IdentifierRef> identifiers() {
        return List.copyOf(identifiers);
    }

    public Map<String, String> exportHashes() {
        return Map.copyOf(exportHashes);
    }

    /** The contact fields that were dropped (and a phone region that was not used), each with its reason. */
    List<FieldError> warnings() {
        return List.copyOf(warnings);
    }
}
