package io.closeloop.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The checked-in corpus of hostile strings (a subset of the Big List of Naughty Strings, MIT; see its header). */
public final class NaughtyStrings {

    private NaughtyStrings() {
    }

    public static List<String> load() {
        try (InputStream in = NaughtyStrings.class.getResourceAsStream("/hostile/blns-subset.txt")) {
            List<String> strings = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    strings.add(line);
                }
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
