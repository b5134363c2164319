package no.govgraph.ui.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CypherWorkbenchTest {

    @Test
    void findsTheParametersAQueryUsesOutsideStringsAndComments() {
        String query = "MATCH (o:Office {unitNumber: $unit}) // $commented\n"
                + "WHERE o.name <> '$notAParameter' AND o.id IN $ids RETURN o, $unit";

        assertThat(CypherWorkbench.parametersIn(query)).containsExactly("unit", "ids");
    }

    @Test
    void readsParameterValuesAsJsonWhenTheyAreJson() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("unit", "0301");
        raw.put("n", "12");
        raw.put("ids", "[\"a\",\"b\"]");
        raw.put("$flag", "true");
        raw.put("quoted", "\"0301\"");
        raw.put("year", "2014 report");
        raw.put(" ", "ignored");

        assertThat(CypherWorkbench.parse(raw))
                .containsExactly(
                        Map.entry("unit", "0301"),
                        Map.entry("n", 12),
                        Map.entry("ids", List.of("a", "b")),
                        Map.entry("flag", true),
                        Map.entry("quoted", "0301"),
                        Map.entry("year", "2014 report"));
    }
}
