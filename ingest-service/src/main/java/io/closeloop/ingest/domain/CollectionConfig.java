package io.closeloop.ingest.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tenant's collection config as the event kinds look it up: numbers, codes, types, FX rates, channel rules. */
public final class CollectionConfig {

    public static final CollectionConfig EMPTY = new CollectionConfig(List.of(), List.of(), List.of(), FxRates.NONE,
            ChannelOverrides.NONE);

    private final Map<String, TrackingNumber> numbers;
    private final Map<String, PromoCode> codes;
    private final Map<String, ConversionType> types;
    private final FxRates fxRates;
    private final ChannelOverrides channelRules;

    public CollectionConfig(List<TrackingNumber> numbers, List<PromoCode> codes, List<ConversionType> types,
                            FxRates fxRates, ChannelOverrides channelRules) {
        this.numbers = numbers.stream().collect(Collectors.toUnmodifiableMap(TrackingNumber::number,
                Function.identity()));
        this.codes = codes.stream().collect(Collectors.toUnmodifiableMap(PromoCode::code, Function.identity()));
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(ConversionType::name, Function.identity()));
        this.fxRates = fxRates;
        this.channelRules = channelRules;
    }

    /** The tracking number, by its E.164 form. */
    public Optional<TrackingNumber> trackingNumber(String e164) {
        return Optional.ofNullable(numbers.get(e164));
    }

    /** The promo or QR code, case-insensitively. */
    public Optional<PromoCode> promoCode(String code) {
        return Optional.ofNullable(codes.get(PromoCodes.normalize(code)));
    }

    public Optional<ConversionType> conversionType(String name) {
        return Optional.ofNullable(types.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    public Set<String> conversionTypeNames() {
        return new TreeSet<>(types.keySet());
    }

    public FxRates fxRates() {
        return fxRates;
    }

    public ChannelOverrides channelRules() {
        return channelRules;
    }
}
