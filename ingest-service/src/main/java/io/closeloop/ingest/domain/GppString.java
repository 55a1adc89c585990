package io.closeloop.ingest.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed IAB Global Privacy Platform string ({@code header~section~section...}). The header (type 3,
 * version 1) lists the section ids as a Fibonacci range, in the order the sections follow. The US national
 * section ({@code usnat}, id 7) is decoded by {@link UsNatSection}, the US state sections (ids 8 to 12) by
 * {@link UsStateSection}; the others are kept as their encoded text. Spec: IAB Tech Lab, "Consent String Specification" (GPP v1) and "US National Privacy
 * Technical Specification".
 */
public record GppString(List<Integer> sectionIds, Map<Integer, String> sections) {

    public static final int USNAT = 7;
    private static final int HEADER_TYPE = 3;
    private static final int MAX_LENGTH = 10_000;

    /** @throws IllegalArgumentException naming what is wrong with the string */
    public static GppString parse(String gpp) {
        if (gpp == null || gpp.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        if (gpp.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = gpp.trim().split("~", -1);
        GppBits header = new GppBits(parts[0]);
        int type = header.integer(6);
        if (type != HEADER_TYPE) {
            throw new IllegalArgumentException("header type is " + type + ", not 3");
        }
        int version = header.integer(6);
        if (version != 1) {
            throw new IllegalArgumentException("GPP version " + version + " is not supported");
        }
        List<Integer> ids = sectionIds(header);
        if (ids.size() != parts.length - 1) {
            throw new IllegalArgumentException("the header names " + ids.size() + " sections but "
                    + (parts.length - 1) + " follow");
        }
        Map<Integer, String> sections = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            sections.put(ids.get(i), parts[i + 1]);
        }
        return new GppString(List.copyOf(ids), sections);
    }

    /** Range(Fibonacci): a 12-bit count, then per item a group flag, the offset from the last id, a group length. */
    private static List<Integer> sectionIds(GppBits header) {
        int count = header.integer(12);
        List<Integer> ids = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < count; i++) {
            boolean group = header.bit();
            int start = last + header.fibonacci();
            int end = group ? start + header.fibonacci() : start;
            for (int id = start; id <= end && ids.size() < 64; id++) {
                ids.add(id);
            }
            last = end;
        }
        return ids;
    }

    /**
     * The opt-outs of the usnat and US state sections the string has, read together: an opt-out in any of them
     * counts, as does GPC in any of them.
     */
    public Optional<UsNatSection> usOptOuts() {
        List<UsNatSection> read = new ArrayList<>();
        usNat().ifPresent(read::add);
        sections.forEach((id, text) -> {
            if (UsStateSection.isState(id)) {
                read.add(UsStateSection.parse(id, text));
            }
        });
        return read.stream().reduce(UsNatSection::together);
    }

    /** The usnat section, decoded, when the string has one. */
    public Optional<UsNatSection> usNat() {
        String section = sections.get(USNAT);
        return section == null ? Optional.empty() : Optional.of(UsNatSection.parse(section));
    }
}
