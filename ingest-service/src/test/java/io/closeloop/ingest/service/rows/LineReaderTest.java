package io.closeloop.ingest.service.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void linesEndAtNewlineOrCarriageReturnNewlineAndTheLastNeedsNoNewline() throws IOException {
        assertThat(lines("a\r\nbb\n\nccc", 10)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\n", 10)).containsExactly("a");
        assertThat(lines("", 10)).isEmpty();
    }

    @Test
    void aLineLongerThanTheBoundIsSkippedWholeAndReported() throws IOException {
        assertThat(lines("12345\n123456\n1234567890123\nok", 6)).containsExactly("12345", "123456", "<too long>", "ok");
    }

    @Test
    void linesSpanningTheReadBufferAreJoined() throws IOException {
        String longLine = "x".repeat(100_000);
        InputStream trickle = new ByteArrayInputStream((longLine + "\nend").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        LineReader reader = new LineReader(trickle, 200_000);
        assertThat(reader.next()).isTrue();
        assertThat(reader.length()).isEqualTo(100_000);
        assertThat(reader.next()).isTrue();
        assertThat(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8)).isEqualTo("end");
        assertThat(reader.next()).isFalse();
    }

    private static List<String> lines(String text, int max) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.tooLong() ? "<too long>" : new String(reader.bytes(), 0, reader.length(),
                    StandardCharsets.UTF_8));
        }
        return lines;
    }
}
