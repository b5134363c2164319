package no.govgraph.backend.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import no.govgraph.backend.cypher.GraphView;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GraphMlTest {

    @Test
    void writesWellFormedGraphMlWhateverTheText() throws Exception {
        GraphView graph = new GraphView(
                List.of(
                        new GraphView.Node(
                                "a",
                                List.of("Office"),
                                "<script>\u0001",
                                Map.of("name", "A & \"B\"", "aliases", List.of("x"))),
                        new GraphView.Node("b", List.of("Tool"), "b", Map.of("name", "Lean"))),
                List.of(new GraphView.Edge("a|USES_TOOL|b", "USES_TOOL", "a", "b", Map.of("sources", List.of("d1")))));
        String xml = GraphMl.of(graph, JsonMapper.createDefault());
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getTextContent()).contains("A & \"B\"", "<script>", "[\"x\"]");
    }
}
