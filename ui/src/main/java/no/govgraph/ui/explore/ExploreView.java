package no.govgraph.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Map;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.entity.EntityService;
import no.govgraph.backend.evidence.CurationService;
import no.govgraph.backend.graph.GraphService;
import no.govgraph.backend.graph.Neighbourhood;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.components.GraphComponent;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.evidence.EvidencePanel;
import no.govgraph.ui.support.EntityPicker;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * The graph explorer: an entity's neighbourhood in the graph component; double-click a node to
 * expand it, click an edge for its evidence in the side panel, click a node for its summary.
 */
@Route(value = "explore/:id?", layout = MainLayout.class)
@PageTitle("Graph explorer · govgraph")
@Prototype
public class ExploreView extends VerticalLayout implements BeforeEnterObserver {

    static final int CAP = 100;
    static final int EXPAND_CAP = 50;

    private final GraphService graphs;
    private final EntityPicker picker;
    private final Select<Integer> depth = new Select<>();
    private final GraphComponent graph = new GraphComponent();
    private final VerticalLayout side = new VerticalLayout();
    private final EvidencePanel evidence;
    private final Span status = new Span();

    public ExploreView(GraphService graphs, EntityService entities, CurationService curation) {
        this.graphs = graphs;
        this.picker = new EntityPicker("Entity", entities);
        this.evidence = new EvidencePanel(curation);
        setSizeFull();
        picker.setId("explore-entity");
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui ->
                        ui.navigate(Routes.of(ExploreView.class, e.getValue().id())));
            }
        });
        depth.setLabel("Depth");
        depth.setItems(1, 2, 3);
        depth.setValue(1);
        depth.setWidth("6em");
        depth.addValueChangeListener(e -> {
            if (e.isFromClient() && picker.getValue() != null) {
                show(picker.getValue().id());
            }
        });
        status.setId("explore-status");
        HorizontalLayout bar = new HorizontalLayout(picker, depth, status);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");

        graph.setId("explore-graph");
        graph.setHeight("620px");
        graph.addExpandListener(e -> expand(e.nodeId()));
        graph.addEdgeClickListener(e -> e.edge().ifPresent(this::showEvidence));
        graph.addNodeClickListener(e -> graph.node(e.nodeId()).ifPresent(this::showNode));

        side.setId("explore-side");
        side.setWidth("22em");
        side.setMinWidth("16em");
        side.setPadding(false);
        side.add(new Span("Double-click a node to expand it. Click a relationship to see its evidence."));
        FlexLayout body = new FlexLayout(graph, side);
        body.setWidthFull();
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        body.setFlexGrow(1, graph);
        graph.getStyle().set("flex-basis", "32em");
        add(new H2("Graph explorer"), bar, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters()
                .get("id")
                .ifPresentOrElse(
                        id -> {
                            if (picker.select(id).isPresent()) {
                                show(id);
                            } else {
                                status.setText("There is no entity with id '" + id + "'.");
                            }
                        },
                        () -> status.setText("Choose an entity to start from."));
    }

    // Both neighbourhood calls leave the edges' sources out: the graph never shows document ids (the
    // evidence panel loads them per edge), and at 1M nodes they were most of a 2-hop answer.
    private void show(String id) {
        try {
            Neighbourhood n = graphs.neighbourhood(id, depth.getValue(), null, null, CAP, false);
            graph.setRootId(id);
            graph.setGraph(n.graph(), n.more());
            status.setText(n.nodes().size() + " nodes, " + n.edges().size() + " relationships"
                    + (n.truncated() ? " (capped at " + CAP + " nodes)" : ""));
        } catch (RuntimeException e) {
            Notifications.error(e);
        }
    }

    void expand(String nodeId) {
        try {
            Neighbourhood n = graphs.neighbourhood(nodeId, 1, null, null, EXPAND_CAP, false);
            int before = graph.nodes().size();
            graph.addGraph(n.graph(), n.more());
            int added = graph.nodes().size() - before;
            status.setText(graph.nodes().size() + " nodes, " + graph.edges().size() + " relationships"
                    + " (expanded "
                    + n.nodes().stream()
                            .filter(x -> x.id().equals(nodeId))
                            .findFirst()
                            .map(GraphView.Node::caption)
                            .orElse(nodeId)
                    + ": " + added + " new)");
        } catch (RuntimeException e) {
            Notifications.error(e);
        }
    }

    private void showEvidence(GraphView.Edge edge) {
        side.removeAll();
        side.add(new H3("Evidence"));
        Map<String, Object> props = edge.properties() == null ? Map.of() : edge.properties();
        Object period = props.get("period");
        evidence.load(edge.type(), edge.source(), edge.target(), period == null ? null : period.toString());
        side.add(evidence);
    }

    private void showNode(GraphView.Node node) {
        side.removeAll();
        side.add(new H3(node.caption()));
        side.add(new Span(String.join(", ", node.labels())));
        side.add(new Anchor(Routes.of(EntityView.class, node.id()), "Open the entity page"));
        Button expand = new Button("Expand", VaadinIcon.EXPAND_FULL.create(), e -> expand(node.id()));
        expand.addThemeVariants(ButtonVariant.LUMO_SMALL);
        side.add(expand);
    }

    public GraphComponent graph() {
        return graph;
    }

    public VerticalLayout side() {
        return side;
    }
}
