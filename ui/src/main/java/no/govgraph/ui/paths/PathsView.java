package no.govgraph.ui.paths;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.entity.EntityService;
import no.govgraph.backend.graph.GraphService;
import no.govgraph.backend.graph.Paths;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.components.GraphComponent;
import no.govgraph.ui.support.EntityPicker;
import no.govgraph.ui.support.Notifications;

/** The path finder: pick two entities, see the shortest paths between them drawn and listed. */
@Route(value = "paths", layout = MainLayout.class)
@PageTitle("Path finder · govgraph")
@Prototype
public class PathsView extends VerticalLayout implements BeforeEnterObserver {

    private final GraphService graphs;
    private final EntityPicker from;
    private final EntityPicker to;
    private final IntegerField maxLength = new IntegerField("Longest path");
    private final Checkbox all = new Checkbox("All shortest paths", true);
    private final VerticalLayout list = new VerticalLayout();
    private final GraphComponent graph = new GraphComponent();
    private Paths last;

    public PathsView(GraphService graphs, EntityService entities) {
        this.graphs = graphs;
        this.from = new EntityPicker("From", entities);
        this.to = new EntityPicker("To", entities);
        from.setId("path-from");
        to.setId("path-to");
        maxLength.setValue(6);
        maxLength.setMin(1);
        maxLength.setMax(10);
        maxLength.setStepButtonsVisible(true);
        maxLength.setWidth("9em");
        Button find = new Button("Find paths", e -> find());
        find.setId("find-paths");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(from, to, maxLength, all, find);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        list.setId("path-list");
        list.setPadding(false);
        list.setSpacing(false);
        graph.setLayout(GraphComponent.Layout.BREADTH_FIRST);
        graph.setHeight("480px");
        add(new H2("Path finder"), bar, list, graph);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        List<String> f = params.get("from");
        List<String> t = params.get("to");
        if (f != null && !f.isEmpty()) {
            from.select(f.get(0));
        }
        if (t != null && !t.isEmpty()) {
            to.select(t.get(0));
        }
        if (from.getValue() != null && to.getValue() != null) {
            find();
        }
    }

    void find() {
        list.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            list.add(new Span("Choose both ends."));
            return;
        }
        try {
            last = graphs.paths(from.getValue().id(), to.getValue().id(), maxLength.getValue(), all.getValue(), null);
        } catch (RuntimeException e) {
            Notifications.error(e);
            return;
        }
        graph.setRootId(from.getValue().id());
        graph.setGraph(last.graph());
        if (last.paths().isEmpty()) {
            list.add(new Span("No path of at most " + last.maxLength() + " steps connects them."));
            return;
        }
        Map<String, GraphView.Node> nodes = last.graph().nodes().stream()
                .collect(Collectors.toMap(GraphView.Node::id, Function.identity(), (a, b) -> a));
        Map<String, GraphView.Edge> edges = last.graph().edges().stream()
                .collect(Collectors.toMap(GraphView.Edge::id, Function.identity(), (a, b) -> a));
        list.add(new Span(last.paths().size() + (last.paths().size() == 1 ? " path" : " paths") + " of length "
                + last.paths().get(0).length()));
        for (Paths.PathView p : last.paths()) {
            Div line = new Div();
            line.addClassName("path");
            line.setText(describe(p, nodes, edges));
            list.add(line);
        }
    }

    /** "Nav Frogner —USES_TOOL→ Balansert målstyring ←USES_TOOL— Nav Moss". */
    static String describe(Paths.PathView p, Map<String, GraphView.Node> nodes, Map<String, GraphView.Edge> edges) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.nodes().size(); i++) {
            String id = p.nodes().get(i);
            sb.append(nodes.containsKey(id) ? nodes.get(id).caption() : id);
            if (i < p.edges().size()) {
                GraphView.Edge e = edges.get(p.edges().get(i));
                if (e == null) {
                    sb.append(" — ");
                } else if (e.source().equals(id)) {
                    sb.append(" —").append(e.type()).append("→ ");
                } else {
                    sb.append(" ←").append(e.type()).append("— ");
                }
            }
        }
        return sb.toString();
    }

    public Paths last() {
        return last;
    }
}
