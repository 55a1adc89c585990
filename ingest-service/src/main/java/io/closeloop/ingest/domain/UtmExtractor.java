package io.closeloop.ingest.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the UTM fields and click ids from a landing-page URL's query string. Written by hand rather than
 * with {@code java.net.URI}, which refuses the unencoded spaces and brackets real landing pages carry.
 * Names are compared case-insensitively ({@code UTM_Source} is seen in the wild), values are
 * percent-decoded as UTF-8 with {@code +} as a space, the first occurrence of a name wins (later ones are
 * usually appended by redirects), and the fragment is ignored. A URL that cannot be read — null, no query,
 * a broken percent escape, bytes that are not UTF-8 — yields {@link LandingPageParameters#EMPTY}: a bad
 * landing page must never fail the event it came with.
 */
public final class UtmExtractor {

    /** The click ids Closeloop keeps, in a stable order. */
    public static final List<String> CLICK_IDS = List.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "ttclid",
            "li_fat_id", "dclid");

    private UtmExtractor() {
    }

    public static LandingPageParameters extract(String url) {
        if (url == null) {
            return LandingPageParameters.EMPTY;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return LandingPageParameters.EMPTY;
        }
        int fragment = url.indexOf('#', query);
        String queryString = url.substring(query + 1, fragment < 0 ? url.length() : fragment);
        Map<String, String> firstValues = new HashMap<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                return LandingPageParameters.EMPTY;
            }
            firstValues.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        UtmParameters utm = UtmNormalizer.normalize(firstValues.get("utm_source"), firstValues.get("utm_medium"),
                firstValues.get("utm_campaign"), firstValues.get("utm_term"), firstValues.get("utm_content"));
        Map<String, String> clickIds = new LinkedHashMap<>();
        for (String clickId : CLICK_IDS) {
            String value = UtmNormalizer.text(firstValues.get(clickId));
            if (value != null) {
                clickIds.put(clickId, value);
            }
        }
        return new LandingPageParameters(utm, clickIds);
    }

    /** Percent-decodes one query component; null when an escape is broken or the bytes are not UTF-8. */
    private static String decode(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char ch = component.charAt(i);
            if (ch == '+') {
                bytes.write(' ');
            } else if (ch == '%') {
                if (i + 2 >= component.length()) {
                    return null;
                }
                int high = Character.digit(component.charAt(i + 1), 16);
                int low = Character.digit(component.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(ch) && i + 1 < component.length()) {
                    encoded = component.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
