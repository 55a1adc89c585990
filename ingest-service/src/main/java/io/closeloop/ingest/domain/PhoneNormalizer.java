package io.closeloop.ingest.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 ({@code +4915123456789}) with Google's libphonenumber, the form both the match key
 * and Google's export hash use. A number without a country code is read in the tenant's default region
 * (ISO 3166 alpha-2: the event's {@code phoneRegion}, else {@code TenantSettingsEntity.phoneRegion}); a number
 * written with {@code +}, the region's international prefix or {@code 00} (the prefix of most of the world, so a
 * European {@code 0044 ...} sent for a US tenant is still British) keeps its own country. Numbers libphonenumber
 * does not consider valid for their region are rejected: a wrong number hashed is a false match, not a harmless
 * miss.
 */
public final class PhoneNormalizer {

    /** Longer input is not a phone number; also bounds the parser's work (it refuses 250+ itself). */
    static final int MAX_LENGTH = 64;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** A leading {@code 00} international prefix, possibly after an opening bracket or spaces. */
    private static final int E164_MAX_DIGITS = 15;
    private static final Pattern INTERNATIONAL_00 = Pattern.compile("^[\\s(]*00");

    private PhoneNormalizer() {
    }

    /** The E.164 form, or empty when the text is not a valid number (or the region is unknown and needed). */
    public static Optional<String> toE164(String phone, String defaultRegion) {
        if (phone == null || phone.isBlank() || phone.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String region = defaultRegion == null ? null : defaultRegion.trim().toUpperCase(Locale.ROOT);
        Optional<String> e164 = parse(phone, region);
        if (e164.isEmpty()) {
            String digits = INTERNATIONAL_00.matcher(phone).replaceFirst("+");
            if (!digits.equals(phone)) {
                e164 = parse(digits, null);
            }
        }
        return e164;
    }

    private static Optional<String> parse(String phone, String region) {
        try {
            PhoneNumber number = PHONES.parse(phone, region);
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            // libphonenumber's metadata accepts some national numbers (German ones among them) whose international
            // form exceeds E.164's 15 digits; ad platforms refuse those, and so does the match key.
            return e164.length() > E164_MAX_DIGITS + 1 ? Optional.empty() : Optional.of(e164);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether libphonenumber knows the region code (so a tenant setting can be checked when it is saved). */
    public static boolean isKnownRegion(String region) {
        return region != null && PHONES.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }
}
