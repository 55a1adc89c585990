package io.closeloop.identity.matching;

import io.closeloop.contracts.MatchFeatureSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test records of clear values (ingest encodes production's), blocking on the first two letters of names. */
final class ClearRecords {

    private ClearRecords() {
    }

    static MatchRecord of(String id, String first, String last, String emailOrUrl, String postcode) {
        Encoded f = ClearEncoding.of(first);
        Encoded l = ClearEncoding.of(last);
        Encoded p = postcode == null ? null : ClearEncoding.of(postcode.replaceAll("[\\s-]+", ""));
        return new MatchRecord(id, "clear", f, l, p, domain(emailOrUrl), code(f), code(l), code(f), code(l),
                p == null ? null : p.value());
    }

    /** A schema 3 match-features map of clear bigram sets, as if ingest had encoded the values. */
    static Map<String, String> features(String first, String last, String emailOrUrl, String postcode) {
        MatchRecord r = of("x", first, last, emailOrUrl, postcode);
        return MatchFeatureSet.toMap(List.of(new MatchFeatureSet("clear", base64(r.firstName()),
                base64(r.lastName()), base64(r.postcode()), r.firstNameCode(), r.lastNameCode(), r.firstNamePrefix(),
                r.lastNamePrefix(), r.postcodeKey(), r.companyDomain())));
    }

    private static String base64(Encoded encoded) {
        if (encoded == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.bits().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long word : encoded.bits()) {
            bytes.putLong(word);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static String code(Encoded name) {
        return name == null ? null : name.value().substring(0, Math.min(2, name.value().length()));
    }

    private static String domain(String emailOrUrl) {
        if (emailOrUrl == null) {
            return null;
        }
        String v = emailOrUrl.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        v = v.substring(v.lastIndexOf('@') + 1).replaceFirst("[/:].*$", "");
        return v.contains(".") && !v.matches("(gmail|yahoo|hotmail|outlook)\\.com") ? v : null;
    }
}
