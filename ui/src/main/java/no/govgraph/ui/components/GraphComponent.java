package no.govgraph.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.cypher.GraphView;

/**
 * An interactive graph (Cytoscape.js in the {@code <gg-graph>} web component) of the backend's
 * {@link GraphView} shape: double-click expands a node ({@link ExpandEvent}), a click on an edge
 * asks for its evidence ({@link EdgeClickEvent}); layouts, filters, pinning, collapsing, the visible
 * cap and PNG/GraphML export live in the browser. Keeps a copy of what it shows so views and tests
 * can ask what is on screen.
 */
@Tag("gg-graph")
@NpmPackage(value = "cytoscape", version = "3.35.0")
@JsModule("./components/gg-graph.js")
public class GraphComponent extends Component implements HasSize {

    /** The layouts the component offers. */
    public enum Layout {
        FORCE_DIRECTED("cose"),
        CONCENTRIC("concentric"),
        BREADTH_FIRST("breadthfirst");

        private final String id;

        Layout(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, GraphView.Node> nodes = new LinkedHashMap<>();
    private final Map<String, GraphView.Edge> edges = new LinkedHashMap<>();

    public GraphComponent() {
        setWidthFull();
        setHeight("560px");
        getElement().setAttribute("aria-label", "Graph");
    }

    /** Replaces the graph. {@code more} counts, per node id, the neighbours the server left out. */
    public void setGraph(GraphView graph, Map<String, Long> more) {
        nodes.clear();
        edges.clear();
        remember(graph);
        getElement().callJsFunction("setGraph", json(graph, more));
    }

    public void setGraph(GraphView graph) {
        setGraph(graph, Map.of());
    }

    /** Adds what an expansion found, keeping what is shown and where it is. */
    public void addGraph(GraphView graph, Map<String, Long> more) {
        GraphView fresh = new GraphView(
                graph.nodes().stream().filter(n -> !nodes.containsKey(n.id())).toList(),
                graph.edges().stream().filter(e -> !edges.containsKey(e.id())).toList());
        remember(graph);
        getElement().callJsFunction("addGraph", json(fresh, more));
    }

    /** Shows nothing. */
    public void clear() {
        setGraph(new GraphView(List.of(), List.of()));
    }

    private void remember(GraphView graph) {
        graph.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
        graph.edges().forEach(e -> edges.putIfAbsent(e.id(), e));
    }

    /** The node drawn bigger and used as the root of the breadth-first layout and of the visible cap. */
    public void setRootId(String id) {
        getElement().setProperty("rootId", id == null ? "" : id);
    }

    public void setLayout(Layout layout) {
        getElement().setProperty("layout", layout.id());
    }

    /** How many nodes are drawn at most; the rest are counted as "N more" on their neighbours. */
    public void setMaxVisible(int max) {
        getElement().setProperty("maxVisible", max);
    }

    public void fit() {
        getElement().callJsFunction("fit");
    }

    public Collection<GraphView.Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public Collection<GraphView.Edge> edges() {
        return List.copyOf(edges.values());
    }

    public Optional<GraphView.Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<GraphView.Edge> edge(String id) {
        return Optional.ofNullable(edges.get(id));
    }

    public Registration addExpandListener(ComponentEventListener<ExpandEvent> listener) {
        return addListener(ExpandEvent.class, listener);
    }

    public Registration addNodeClickListener(ComponentEventListener<NodeClickEvent> listener) {
        return addListener(NodeClickEvent.class, listener);
    }

    public Registration addEdgeClickListener(ComponentEventListener<EdgeClickEvent> listener) {
        return addListener(EdgeClickEvent.class, listener);
    }

    static String json(GraphView graph, Map<String, Long> more) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", graph.nodes());
        out.put("edges", graph.edges());
        out.put("more", more == null ? Map.of() : more);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The graph cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** A node was double-clicked: the user wants its neighbours. */
    @DomEvent("gg-expand")
    public static class ExpandEvent extends ComponentEvent<GraphComponent> {
        private final String nodeId;

        public ExpandEvent(GraphComponent source, boolean fromClient, @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        public String nodeId() {
            return nodeId;
        }
    }

    /** A node was clicked. */
    @DomEvent("gg-node-click")
    public static class NodeClickEvent extends ComponentEvent<GraphComponent> {
        private final String nodeId;

        public NodeClickEvent(GraphComponent source, boolean fromClient, @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        public String nodeId() {
            return nodeId;
        }
    }

    /** An edge was clicked: the user wants the evidence behind it. */
    @DomEvent("gg-edge-click")
    public static class EdgeClickEvent extends ComponentEvent<GraphComponent> {
        private final String edgeId;

        public EdgeClickEvent(GraphComponent source, boolean fromClient, @EventData("event.detail.id") String edgeId) {
            super(source, fromClient);
            this.edgeId = edgeId;
        }

        public String edgeId() {
            return edgeId;
        }

        /** The edge as the server sent it (type, ends, properties). */
        public Optional<GraphView.Edge> edge() {
            return getSource().edge(edgeId);
        }
    }
}
