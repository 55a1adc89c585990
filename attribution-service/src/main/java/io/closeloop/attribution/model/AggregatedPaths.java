package io.closeloop.attribution.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The aggregated path file ChannelAttribution uses: a header
 * {@code path;total_conversions;total_conversion_value;total_null}, then one line per distinct path with
 * its channels separated by {@code " > "}, e.g. {@code email > paid_search;12;1530.5;340}. Counts must be
 * whole numbers (written {@code 3} or {@code 3.0}); channel names must not contain {@code ';'} or
 * {@code " > "}. Blank lines are skipped.
 */
public final class AggregatedPaths {

    public static final String HEADER = "path;total_conversions;total_conversion_value;total_null";
    public static final String SEPARATOR = " > ";

    private AggregatedPaths() {
    }

    public static List<PathRecord> read(Reader reader) {
        List<PathRecord> records = new ArrayList<>();
        read(reader, records::add);
        return records;
    }

    /** Streams the records of {@code reader} to {@code sink}; the header line is required. */
    public static void read(Reader reader, Consumer<PathRecord> sink) {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
        try {
            String header = lines.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException("expected the header '" + HEADER + "', got: " + header);
            }
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(parse(line, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Writer writer, Iterable<PathRecord> records) {
        try {
            writer.write(HEADER);
            writer.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (PathRecord record : records) {
                line.setLength(0);
                line.append(String.join(SEPARATOR, record.channels())).append(';').append(record.conversions())
                        .append(';').append(record.conversionValue()).append(';').append(record.nulls()).append('\n');
                writer.append(line);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PathRecord parse(String line, int number) {
        int c = line.lastIndexOf(';');
        int b = c < 0 ? -1 : line.lastIndexOf(';', c - 1);
        int a = b < 0 ? -1 : line.lastIndexOf(';', b - 1);
        if (a <= 0) {
            throw new IllegalArgumentException("line " + number + ": expected path;conversions;value;nulls: " + line);
        }
        List<String> channels = new ArrayList<>(4);
        String path = line.substring(0, a);
        int from = 0;
        while (true) {
            int next = path.indexOf(SEPARATOR, from);
            String channel = (next < 0 ? path.substring(from) : path.substring(from, next)).strip();
            if (channel.isEmpty()) {
                throw new IllegalArgumentException("line " + number + ": empty channel in path: " + path);
            }
            channels.add(channel);
            if (next < 0) {
                break;
            }
            from = next + SEPARATOR.length();
        }
        try {
            return new PathRecord(channels, count(line.substring(a + 1, b)), Double.parseDouble(line.substring(b + 1, c)),
                    count(line.substring(c + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
        }
    }

    private static long count(String text) {
        String trimmed = text.strip();
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException notPlain) {
            return new BigDecimal(trimmed).longValueExact();
        }
    }
}
