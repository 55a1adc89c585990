package io.closeloop.ingest.domain;

import com.iab.gpp.encoder.section.EncodableSection;
import com.iab.gpp.encoder.section.UsCaV1;
import com.iab.gpp.encoder.section.UsCoV1;
import com.iab.gpp.encoder.section.UsCtV1;
import com.iab.gpp.encoder.section.UsUtV1;
import com.iab.gpp.encoder.section.UsVaV1;
import java.util.Map;
import java.util.function.Function;

/**
 * The opt-outs of the GPP US state sections, decoded by the IAB's GPP library and read as the usnat fields they
 * correspond to: California (id 8) has sale and sharing but no targeted-advertising opt-out, Virginia (9) and
 * Utah (11) have sale and targeted advertising and no GPC sub-section, Colorado (10) and Connecticut (12) have
 * sale, targeted advertising and GPC. A field a state does not have reads as not applicable.
 */
public final class UsStateSection {

    public static final int USCA = 8;
    public static final int USVA = 9;
    public static final int USCO = 10;
    public static final int USUT = 11;
    public static final int USCT = 12;

    private static final Map<Integer, Function<String, EncodableSection>> DECODERS = Map.of(
            USCA, UsCaV1::new, USVA, UsVaV1::new, USCO, UsCoV1::new, USUT, UsUtV1::new, USCT, UsCtV1::new);

    private UsStateSection() {
    }

    public static boolean isState(int sectionId) {
        return DECODERS.containsKey(sectionId);
    }

    /** @throws IllegalArgumentException naming the section when it cannot be read */
    static UsNatSection parse(int sectionId, String encoded) {
        Function<String, EncodableSection> decoder = DECODERS.get(sectionId);
        if (decoder == null) {
            throw new IllegalArgumentException("section " + sectionId + " is not a US state section");
        }
        EncodableSection section;
        Integer sale;
        Integer sharing;
        Integer targeted;
        Boolean gpc;
        try {
            section = decoder.apply(encoded);
            sale = (Integer) field(section, "SaleOptOut");
            sharing = (Integer) field(section, "SharingOptOut");
            targeted = (Integer) field(section, "TargetedAdvertisingOptOut");
            // The library's GpcSegmentIncluded does not follow a decoded string; the sub-section is there when a
            // segment follows the core one.
            gpc = encoded.contains(".") ? (Boolean) field(section, "Gpc") : null;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(section(sectionId) + " section cannot be read: " + e.getMessage(), e);
        }
        return new UsNatSection(section.getVersion(), optOut(sale, sectionId, "SaleOptOut"),
                optOut(sharing, sectionId, "SharingOptOut"),
                optOut(targeted, sectionId, "TargetedAdvertisingOptOut"), gpc);
    }

    private static Object field(EncodableSection section, String name) {
        return section.hasField(name) ? section.getFieldValue(name) : null;
    }

    private static int optOut(Integer value, int sectionId, String field) {
        if (value == null) {
            return UsNatSection.NOT_APPLICABLE;
        }
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException(section(sectionId) + " " + field + " has the undefined value " + value);
        }
        return value;
    }

    private static String section(int sectionId) {
        return switch (sectionId) {
            case USCA -> "usca";
            case USVA -> "usva";
            case USCO -> "usco";
            case USUT -> "usut";
            case USCT -> "usct";
            default -> "section " + sectionId;
        };
    }
}
