package io.closeloop.ingest.domain;

import java.time.LocalDate;

/**
 * A promo or QR code (stored lower case; matched case-insensitively) and the campaign it stands for, valid from
 * {@code validFrom} to {@code validTo} inclusive (either open when null).
 */
public record PromoCode(String code, String campaign, String channel, String source, String medium,
                        LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
