package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopicsFileTest {

    @Test
    void chartTopicsFileIsTheCatalogue() throws IOException {
        Path file = Repo.chart().resolve(TopicsFile.PATH);
        String generated = TopicsFile.render();
        if (Boolean.getBoolean("closeloop.regenerate")) {
            Files.writeString(file, generated);
        }
        assertThat(Files.readString(file))
                .as("%s is stale: regenerate it (command in its first lines)", file)
                .isEqualTo(generated);
    }
}
