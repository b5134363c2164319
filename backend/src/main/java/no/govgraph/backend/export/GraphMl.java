package no.govgraph.backend.export;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.govgraph.backend.cypher.GraphView;

/**
 * GraphML for Gephi, Cytoscape and yEd: one {@code <key>} per property name in use (all as
 * strings, lists as JSON), plus {@code labels} and {@code caption} for nodes and {@code type} for
 * edges. Text is escaped by the XML writer and characters XML 1.0 cannot hold are dropped.
 */
final class GraphMl {

    private GraphMl() {}

    static String of(GraphView graph, JsonMapper json) {
        TreeSet<String> nodeKeys = new TreeSet<>();
        graph.nodes().forEach(n -> nodeKeys.addAll(n.properties().keySet()));
        TreeSet<String> edgeKeys = new TreeSet<>();
        graph.edges().forEach(e -> {
            if (e.properties() != null) {
                edgeKeys.addAll(e.properties().keySet());
            }
        });
        Map<String, String> nodeIds = new LinkedHashMap<>();
        Map<String, String> edgeIds = new LinkedHashMap<>();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            key(xml, "n_labels", "node", "labels");
            key(xml, "n_caption", "node", "caption");
            int i = 0;
            for (String k : nodeKeys) {
                String id = "n" + i++;
                nodeIds.put(k, id);
                key(xml, id, "node", k);
            }
            key(xml, "e_type", "edge", "type");
            i = 0;
            for (String k : edgeKeys) {
                String id = "e" + i++;
                edgeIds.put(k, id);
                key(xml, id, "edge", k);
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "govgraph");
            xml.writeAttribute("edgedefault", "directed");
            for (GraphView.Node n : graph.nodes()) {
                xml.writeStartElement("node");
                xml.writeAttribute("id", clean(n.id()));
                data(xml, "n_labels", String.join(":", n.labels()));
                data(xml, "n_caption", n.caption());
                for (Map.Entry<String, Object> p : n.properties().entrySet()) {
                    data(xml, nodeIds.get(p.getKey()), text(p.getValue(), json));
                }
                xml.writeEndElement();
            }
            for (GraphView.Edge e : graph.edges()) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", clean(e.id()));
                xml.writeAttribute("source", clean(e.source()));
                xml.writeAttribute("target", clean(e.target()));
                data(xml, "e_type", e.type());
                if (e.properties() != null) {
                    for (Map.Entry<String, Object> p : e.properties().entrySet()) {
                        data(xml, edgeIds.get(p.getKey()), text(p.getValue(), json));
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GraphML could not be written", e);
        }
    }

    private static void key(XMLStreamWriter xml, String id, String scope, String name) throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", scope);
        xml.writeAttribute("attr.name", clean(name));
        xml.writeAttribute("attr.type", "string");
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static String text(Object value, JsonMapper json) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return json.writeValueAsString(value);
            } catch (IOException e) {
                return value.toString();
            }
        }
        return value.toString();
    }

    /** Drops characters that XML 1.0 does not allow (most control characters, lone surrogates). */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed =
                    c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (allowed) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
