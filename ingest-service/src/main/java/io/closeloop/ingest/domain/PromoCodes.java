package io.closeloop.ingest.domain;

import java.util.Locale;

/** How promo and QR codes compare: trimmed and lower-cased, so "SPRING-25" and "spring-25 " are one code. */
public final class PromoCodes {

    private PromoCodes() {
    }

    public static String normalize(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
