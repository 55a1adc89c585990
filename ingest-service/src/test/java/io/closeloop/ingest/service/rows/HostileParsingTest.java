package io.closeloop.ingest.service.rows;

import io.closeloop.ingest.service.NaughtyStrings;
import io.closeloop.ingest.service.StrictInput;
import io.closeloop.ingest.service.StrictUtf8;
import io.closeloop.ingest.service.kinds.RequestReaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.ingest.service.request.MoneyFields;
import io.closeloop.ingest.service.request.TouchpointRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;

/**
 * Hostile bodies for every transport's parser: whatever the bytes, reading ends, each row is a request or a reason,
 * nothing but the documented exception escapes, and a string that is accepted is the string that was sent.
 */
class HostileParsingTest {

    private static final int MAX_ROW = 4096;
    private static final RequestReaders READERS = new RequestReaders(new ObjectMapper());

    private static <R> List<Row<R>> readAll(RowSource<R> rows) throws IOException {
        List<Row<R>> all = new ArrayList<>();
        try (rows) {
            for (Row<R> row = rows.next(); row != null; row = rows.next()) {
                assertThat(row.request() == null).isNotEqualTo(row.errors().isEmpty());
                row.errors().forEach(e -> assertThat(e.reason()).isNotBlank());
                all.add(row);
                assertThat(all.size()).isLessThanOrEqualTo(100_000);
            }
        }
        return all;
    }

    /** Reads {@code body} as {@code type}; a refused body must be refused with a reason, nothing else escapes. */
    private static List<Row<TouchpointRequest>> read(String type, byte[] body) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        try {
            RowSource<TouchpointRequest> rows = switch (type) {
                case "json" -> new JsonArrayRows<>(READERS.mapper(), READERS.reader(TouchpointRequest.class),
                        new StrictUtf8(in), MAX_ROW);
                case "ndjson" -> new NdjsonRows<>(READERS.reader(TouchpointRequest.class), in, MAX_ROW);
                default -> new CsvRows<>(row -> READERS.fromCsv(row, TouchpointRequest.class), new StrictUtf8(in),
                        MAX_ROW);
            };
            return readAll(rows);
        } catch (InvalidInputException e) {
            assertThat(e.errors()).isNotEmpty();
            return List.of();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | StrictUtf8.InvalidUtf8Exception e) {
            // The body does not start a JSON array: answered 400 by the resource's mappers.
            assertThat(type).isEqualTo("json");
            return List.of();
        }
    }

    @Property(tries = 300)
    void anyBytesAreReadToAnEndInEveryTransport(@ForAll("bodies") byte[] body) throws IOException {
        for (String type : List.of("json", "ndjson", "csv")) {
            read(type, body);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> mutated = Arbitraries.of(
                "[{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\"}]",
                "{\"type\":\"page_view\",\"anonymousId\":\"a\"}\n{\"type\":1}\nnull\n[]\n",
                "type,occurredAt,anonymousId\npage_view,2026-10-01T12:00:00Z,\"a\"\"b\"\n")
                .flatMap(seed -> Arbitraries.integers().between(0, seed.length()).list().ofMaxSize(4)
                        .flatMap(cuts -> Arbitraries.bytes().list().ofSize(cuts.size()).map(noise -> {
                            byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
                            for (int i = 0; i < cuts.size(); i++) {
                                bytes[Math.min(cuts.get(i), bytes.length - 1)] = noise.get(i);
                            }
                            return bytes;
                        })));
        return Arbitraries.oneOf(random, mutated);
    }

    @Property(tries = 500)
    void aStringIsStoredByteIdenticalOrRefusedWithAReason(@ForAll("texts") String text) throws IOException {
        ObjectNode row = new ObjectMapper().createObjectNode().put("type", "page_view")
                .put("occurredAt", "2026-10-01T12:00:00Z").put("anonymousId", text);
        byte[] line = new ObjectMapper().writeValueAsBytes(row);
        String problem = StrictInput.textProblem(text);
        for (String type : List.of("json", "ndjson")) {
            byte[] body = type.equals("json") ? ("[" + new String(line, StandardCharsets.UTF_8) + "]")
                    .getBytes(StandardCharsets.UTF_8) : line;
            List<Row<TouchpointRequest>> rows = read(type, body);
            assertThat(rows).hasSize(1);
            if (problem == null && line.length <= MAX_ROW) {
                assertThat(rows.get(0).request().anonymousId()).isEqualTo(text);
            } else {
                assertThat(rows.get(0).request()).isNull();
                assertThat(rows.get(0).errors()).extracting(FieldError::field).containsAnyOf("anonymousId", "$");
            }
        }
        String csv = CSVFormat.RFC4180.format("type", "occurredAt", "anonymousId") + "\r\n"
                + CSVFormat.RFC4180.format("page_view", "2026-10-01T12:00:00Z", text) + "\r\n";
        List<Row<TouchpointRequest>> rows = read("csv", csv.getBytes(StandardCharsets.UTF_8));
        if (problem == null && !text.isEmpty() && csv.length() < MAX_ROW) {
            assertThat(rows).hasSize(1);
            // CSV cells are trimmed (documented); an all-blank cell is absent.
            String expected = text.trim().isEmpty() ? null : text.trim();
            assertThat(rows.get(0).request() == null ? null : rows.get(0).request().anonymousId())
                    .isEqualTo(expected);
        } else if (!rows.isEmpty() && rows.get(0).request() != null) {
            assertThat(rows.get(0).request().anonymousId()).isEqualTo(text.trim().isEmpty() ? null : text.trim());
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(60),
                Arbitraries.strings().all().ofMinLength(4090).ofMaxLength(4100),
                Arbitraries.of(NaughtyStrings.load()))
                .filter(s -> s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }

    @Property(tries = 300)
    void amountsInJsonAreIntegersWithinTheBoundOrRefused(@ForAll("amounts") String amount) {
        String json = "{\"amountMinor\":" + amount + ",\"currency\":\"EUR\"}";
        try {
            MoneyFields money = READERS.reader(MoneyFields.class).readValue(json);
            if (money.amountMinor() == null) {
                assertThat(amount).isEqualTo("null");
                return;
            }
            assertThat(amount).matches("-?[0-9]+");
            assertThat(money.amountMinor()).isEqualTo(Long.parseLong(amount));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            assertThat(amount).doesNotMatch("-?(0|[1-9][0-9]{0,17})");
        }
        String cell = amount.replace("\"", "");
        if (cell.isBlank()) {
            return;
        }
        try {
            MoneyFields money = READERS.fromCsv(Map.of("amountMinor", cell, "currency", "EUR"), MoneyFields.class);
            assertThat(cell.trim()).matches("-?[0-9]+");
            assertThat(money.amountMinor()).isEqualTo(Long.parseLong(cell.trim()));
        } catch (InvalidInputException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("amountMinor");
        }
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("1.5", "\"77\"", "\"７７\"", "1e3", "-0", "9223372036854775808", "0x10", "\"\"", "true",
                        "[]", "{}", "null", "\"٣\"", "1.0", "00", "+1"),
                Arbitraries.strings().withChars("0123456789.-e+\"").ofMinLength(1).ofMaxLength(25));
    }

    @Property(tries = 500)
    void strictUtf8AcceptsExactlyWhatEncodesBackToTheSameBytes(@ForAll @Size(max = 64) byte[] bytes)
            throws IOException {
        boolean wellFormed = Arrays.equals(new String(bytes, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8), bytes);
        assertThat(StrictUtf8.firstMalformed(bytes, bytes.length) < 0).isEqualTo(wellFormed);
        boolean passed;
        try (StrictUtf8 in = new StrictUtf8(new ByteArrayInputStream(bytes))) {
            byte[] copy = new byte[bytes.length];
            int n = 0;
            for (int b = in.read(); b != -1; b = in.read()) {
                copy[n++] = (byte) b;
            }
            passed = Arrays.equals(copy, bytes);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            assertThat(e.offset()).isBetween(0L, (long) bytes.length);
            passed = false;
        }
        assertThat(passed).isEqualTo(wellFormed);
    }
}
