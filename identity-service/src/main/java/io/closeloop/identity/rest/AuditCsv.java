package io.closeloop.identity.rest;

import io.closeloop.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Audit entries as RFC 4180 CSV, one line per entry; lists are space-separated, details are JSON. A cell that a
 * spreadsheet would run as a formula (it starts with {@code = + - @}, tab or carriage return) gets a leading
 * {@code '} (OWASP CSV injection), so opening the export never executes what an entry's text holds.
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("seq", "occurred_at", "recorded_at", "action", "person_id",
            "related_person_ids", "event_id", "related_event_ids", "purpose", "outcome", "reason", "details",
            "prev_hash", "hash");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private AuditCsv() {
    }

    static String header() {
        return line(COLUMNS);
    }

    static String row(AuditEntryView e) {
        return line(Arrays.asList(Long.toString(e.seq()), e.occurredAt().toString(),
                e.recordedAt().toString(), e.action(), text(e.personId()), ids(e.relatedPersonIds()),
                text(e.eventId()), ids(e.relatedEventIds()), e.purpose(), e.outcome(), e.reason(),
                Json.write(e.details()), e.prevHash(), e.hash()));
    }

    private static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(values.stream().map(AuditCsv::inert).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code value} with a leading {@code '} when a spreadsheet would read it as a formula; null stays null. */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(" "));
    }
}
