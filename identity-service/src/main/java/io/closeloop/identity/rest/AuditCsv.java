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

/** Audit entries as RFC 4180 CSV, one line per entry; lists are space-separated, details are JSON. */
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
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(" "));
    }
}
