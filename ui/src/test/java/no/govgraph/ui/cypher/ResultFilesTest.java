package no.govgraph.ui.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.backend.cypher.GraphView;
import org.junit.jupiter.api.Test;

class ResultFilesTest {

    private static CypherResult result(List<String> columns, List<List<Object>> rows) {
        return new CypherResult(columns, rows, new GraphView(List.of(), List.of()), false, 1);
    }

    @Test
    void writesCsvWithQuotingAndDefusesFormulas() {
        CypherResult r = result(
                List.of("name", "note"),
                List.of(
                        List.of("Nav Frogner", "a, \"quoted\" text"),
                        Arrays.asList("=HYPERLINK(1)", null),
                        List.of("-5", 3L)));

        assertThat(ResultFiles.csv(r))
                .isEqualTo("name,note\r\n"
                        + "Nav Frogner,\"a, \"\"quoted\"\" text\"\r\n"
                        + "'=HYPERLINK(1),\r\n"
                        + "-5,3\r\n");
    }

    @Test
    void writesJsonObjectsPerRow() {
        CypherResult r = result(List.of("n", "m"), List.of(List.of(1L, Map.of("k", "v"))));

        assertThat(ResultFiles.json(r).replaceAll("\\s", "")).isEqualTo("[{\"n\":1,\"m\":{\"k\":\"v\"}}]");
    }

    @Test
    void showsNodesRelationshipsAndListsAsShortText() {
        Map<String, Object> node =
                Map.of("elementId", "4:x:1", "labels", List.of("Office"), "properties", Map.of("name", "Nav Moss"));
        Map<String, Object> rel = Map.of("type", "USES_TOOL", "start", "a", "end", "b", "properties", Map.of());

        assertThat(CellText.of(node)).isEqualTo("(:Office {name: \"Nav Moss\"})");
        assertThat(CellText.of(rel)).isEqualTo("[:USES_TOOL {}]");
        assertThat(CellText.of(List.of(1L, "a"))).isEqualTo("[1, a]");
        assertThat(CellText.compare(9L, 10L)).isNegative();
    }
}
