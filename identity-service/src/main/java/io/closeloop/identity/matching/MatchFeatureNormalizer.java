package io.closeloop.identity.matching;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings match features to the one form the comparisons expect: trimmed, lower case, accents removed.
 * Blank or unusable values become {@code null} (missing), never an error: a feature only helps matching.
 */
public final class MatchFeatureNormalizer {

    /** Mailbox providers: their domain says nothing about the company a person works for. */
    static final Set<String> FREE_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "web.de",
            "proton.me", "protonmail.com", "mail.com", "yandex.ru", "orange.fr", "free.fr", "t-online.de");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}' -]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");

    private MatchFeatureNormalizer() {
    }

    /** A record of raw features (as a form or CRM sends them) in normalized form. */
    public static MatchRecord normalize(String id, String firstName, String lastName, String emailUrlOrDomain,
                                        String postcode, String ip, String userAgentHash, Instant occurredAt) {
        return new MatchRecord(id, name(firstName), name(lastName), companyDomain(emailUrlOrDomain),
                postcode(postcode), ipPrefix(ip), token(userAgentHash), occurredAt);
    }

    /** Trimmed, lower case, accents stripped, inner whitespace collapsed; digits and symbols dropped. */
    public static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        String letters = NOT_NAME.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return blankToNull(SPACES.matcher(letters).replaceAll(" ").trim());
    }

    /**
     * The company domain of an email address, URL or bare domain: lower case, without {@code www.}, port,
     * path or trailing dot. Free mailbox domains (gmail.com, ...) give {@code null}.
     */
    public static String companyDomain(String raw) {
        String value = token(raw);
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        String host;
        if (at >= 0) {
            host = value.substring(at + 1);
        } else if (value.contains("://")) {
            host = hostOf(value);
        } else {
            host = hostOf("http://" + value);
        }
        if (host == null) {
            return null;
        }
        host = host.replaceAll("\\.+$", "");
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.isEmpty() || !host.contains(".") || FREE_MAIL_DOMAINS.contains(host)) {
            return null;
        }
        return host;
    }

    /** Without spaces or hyphens, lower case: {@code "SW1A 1AA"} becomes {@code "sw1a1aa"}. */
    public static String postcode(String raw) {
        if (raw == null) {
            return null;
        }
        return blankToNull(raw.replaceAll("[\\s-]+", "").toLowerCase(Locale.ROOT));
    }

    /**
     * The network of an IP literal: IPv4 to its /24 ({@code 203.0.113.0/24}), IPv6 to its /48
     * ({@code 2001:db8:abcd::/48}); an IPv4-mapped IPv6 address counts as IPv4. A prefix given with
     * {@code /n} is read by its address part. Host names and malformed values give {@code null}.
     */
    public static String ipPrefix(String raw) {
        String value = token(raw);
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash >= 0) {
            value = value.substring(0, slash);
        }
        var v4 = IPV4.matcher(value);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return null;
                }
            }
            return Integer.parseInt(v4.group(1)) + "." + Integer.parseInt(v4.group(2)) + "."
                    + Integer.parseInt(v4.group(3)) + ".0/24";
        }
        if (!value.contains(":") || !IPV6_LITERAL.matcher(value).matches()) {
            return null;
        }
        byte[] bytes;
        try {
            // A literal with only hex digits, colons and dots never triggers a name lookup.
            bytes = InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        if (bytes.length == 4) {
            return ipPrefix((bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0");
        }
        return String.format(Locale.ROOT, "%x:%x:%x::/48", hextet(bytes, 0), hextet(bytes, 2), hextet(bytes, 4));
    }

    private static int hextet(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String token(String raw) {
        return raw == null ? null : blankToNull(raw.trim().toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
