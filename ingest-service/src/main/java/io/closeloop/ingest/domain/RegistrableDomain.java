package io.closeloop.ingest.domain;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The registrable domain of a host by the Public Suffix List (Guava {@link InternetDomainName}):
 * {@code eu.acme.com} and {@code acme.com} are one company, {@code acme.co.uk} stays whole.
 */
public final class RegistrableDomain {

    private RegistrableDomain() {
    }

    /** The registrable domain, or {@code null} for a public suffix, an IP literal or an invalid host. */
    public static String of(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String plain = host.trim().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        try {
            InternetDomainName name = InternetDomainName.from(plain);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            return name.isPublicSuffix() || !name.hasPublicSuffix() ? null : plain;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }
}
