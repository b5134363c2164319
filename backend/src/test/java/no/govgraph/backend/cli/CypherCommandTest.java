package no.govgraph.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --param name=value} values are read: JSON when the whole value is JSON, else text. */
class CypherCommandTest {

    @Test
    void readsJsonValuesAndKeepsEverythingElseAsText() {
        assertThat(CypherCommand.parseValue("2015")).isEqualTo(2015);
        assertThat(CypherCommand.parseValue("true")).isEqualTo(true);
        assertThat(CypherCommand.parseValue("[1, 2]")).isEqualTo(List.of(1, 2));
        assertThat(CypherCommand.parseValue("{\"a\": \"b\"}")).isEqualTo(Map.of("a", "b"));
        assertThat(CypherCommand.parseValue("\"quoted\"")).isEqualTo("quoted");
        assertThat(CypherCommand.parseValue("Nav Frogner")).isEqualTo("Nav Frogner");
        assertThat(CypherCommand.parseValue("2015 Oslo")).isEqualTo("2015 Oslo");
        assertThat(CypherCommand.parseValue("[1, 2] tail")).isEqualTo("[1, 2] tail");
    }
}
