package io.closeloop.identity.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreMadeInert() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(AuditCsv.inert(formula)).isEqualTo("'" + formula);
        }
        assertThat(AuditCsv.inert("erasure")).isEqualTo("erasure");
        assertThat(AuditCsv.inert("")).isEmpty();
        assertThat(AuditCsv.inert(null)).isNull();

        AuditEntryView entry = new AuditEntryView(1, Instant.parse("2026-10-01T12:00:00Z"),
                Instant.parse("2026-10-01T12:00:01Z"), "access", null, List.of(), null, List.of(), "=cmd|' /C calc'!A0",
                "served", "@risk", Map.of(), "-", "abc");
        assertThat(AuditCsv.row(entry)).isEqualTo("1,2026-10-01T12:00:00Z,2026-10-01T12:00:01Z,access,,,,,"
                + "'=cmd|' /C calc'!A0,served,'@risk,{},'-,abc\r\n");
    }
}
