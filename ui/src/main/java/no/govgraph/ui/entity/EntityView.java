package no.govgraph.ui.entity;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.govgraph.backend.entity.EntityDetails;
import no.govgraph.backend.entity.EntityService;
import no.govgraph.backend.entity.EntitySummary;
import no.govgraph.backend.evidence.CurationService;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.document.DocumentView;
import no.govgraph.ui.evidence.EvidencePanel;
import no.govgraph.ui.explore.ExploreView;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * One entity: what it is (type, name, aliases, key properties), its relationships grouped by type
 * with claim counts, each opening its evidence, and the documents that mention it. Archivists merge
 * duplicates and curate claims here.
 */
@Route(value = "entity/:id", layout = MainLayout.class)
@Prototype
public class EntityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Set<String> HEADER_HIDDEN = Set.of("id", "name", "aliases");

    private final EntityService entities;
    private final CurationService curation;
    private EntityDetails entity;

    public EntityView(EntityService entities, CurationService curation) {
        this.entities = entities;
        this.curation = curation;
        setWidthFull();
        addClassName("entity-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        try {
            entity = entities.entity(id);
        } catch (RuntimeException e) {
            entity = null;
            add(new H2("Not found"), new Span(Notifications.message(e)));
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return (entity == null ? "Entity" : entity.name()) + " · govgraph";
    }

    private void render() {
        removeAll();
        Span badge = new Span(entity.label());
        badge.getElement().getThemeList().add("badge contrast");
        H2 name = new H2(entity.name());
        name.setId("entity-name");
        name.getStyle().set("margin", "0");
        HorizontalLayout title = new HorizontalLayout(badge, name);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title);
        if (!entity.aliases().isEmpty()) {
            Span aliases = new Span("Also known as: " + String.join(", ", entity.aliases()));
            aliases.setId("entity-aliases");
            add(aliases);
        }
        add(properties(entity.properties()));
        add(actions());

        H3 relHeading = new H3("Relationships");
        add(relHeading);
        if (entity.relationships().isEmpty()) {
            add(new Span("No relationships with evidence."));
        }
        for (EntityDetails.RelationshipGroup group : entity.relationships()) {
            add(group(group));
        }
        add(new H3("Documents that mention it"));
        VerticalLayout docs = new VerticalLayout();
        docs.setPadding(false);
        docs.setSpacing(false);
        for (EntityDetails.LinkedDocument d : entity.documents()) {
            Anchor link = new Anchor(Routes.of(DocumentView.class, d.id()), d.title());
            Span meta = new Span(" "
                    + String.join(
                            " · ",
                            java.util.stream.Stream.of(d.kind(), d.year(), d.mentions() + " mentions")
                                    .filter(s -> s != null)
                                    .toList()));
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
            docs.add(new Div(link, meta));
        }
        if (entity.documents().isEmpty()) {
            docs.add(new Span("None."));
        }
        add(docs);
    }

    private Component properties(Map<String, Object> properties) {
        FlexLayout list = new FlexLayout();
        list.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        list.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-l)");
        list.setId("entity-properties");
        properties.entrySet().stream()
                .filter(e -> !HEADER_HIDDEN.contains(e.getKey()) && e.getValue() != null)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Span key = new Span(e.getKey() + ": ");
                    key.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    list.add(new Span(key, new Span(String.valueOf(e.getValue()))));
                });
        return list;
    }

    private Component actions() {
        Anchor graph = new Anchor(Routes.of(ExploreView.class, entity.id()), "Open in the graph explorer");
        graph.setId("open-graph");
        Anchor paths = new Anchor(
                "paths?from=" + java.net.URLEncoder.encode(entity.id(), java.nio.charset.StandardCharsets.UTF_8),
                "Find paths from here");
        HorizontalLayout actions = new HorizontalLayout(graph, paths);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (CurrentUser.may(Role.ARCHIVIST)) {
            Button merge = new Button("Merge a duplicate…", VaadinIcon.CONNECT.create(), e -> openMerge());
            merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
            merge.setId("merge-entity");
            actions.add(merge);
        }
        return actions;
    }

    private Component group(EntityDetails.RelationshipGroup group) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("relationship-group");
        box.getElement().setAttribute("data-type", group.type());
        String arrow = "out".equals(group.direction()) ? group.type() + " →" : "← " + group.type();
        Span heading =
                new Span(arrow + "  ·  " + group.count() + (group.count() == 1 ? " relationship" : " relationships")
                        + ", " + group.claims() + (group.claims() == 1 ? " claim" : " claims"));
        heading.getStyle().set("font-weight", "600");
        box.add(heading);
        for (EntityDetails.Relationship r : group.items()) {
            box.add(relationship(group, r));
        }
        return box;
    }

    private Component relationship(EntityDetails.RelationshipGroup group, EntityDetails.Relationship r) {
        Anchor other = new Anchor(Routes.of(EntityView.class, r.otherId()), r.otherName());
        Span label = new Span(r.otherLabel());
        label.getElement().getThemeList().add("badge small");
        String facts = r.properties().entrySet().stream()
                .filter(e -> !"sources".equals(e.getKey()) && e.getValue() != null)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        Span meta = new Span((r.period() == null ? "" : r.period() + " · ") + (facts.isEmpty() ? "" : facts + " · ")
                + r.claims() + " claims, " + r.sources() + " documents");
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout summary = new HorizontalLayout(label, other, meta);
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.getStyle().set("flex-wrap", "wrap");

        EvidencePanel panel = new EvidencePanel(curation);
        Details details = new Details(summary, panel);
        details.addClassName("relationship");
        details.getElement().setAttribute("data-other", r.otherId());
        details.addOpenedChangeListener(e -> {
            if (e.isOpened() && panel.evidence() == null) {
                boolean out = "out".equals(group.direction());
                panel.load(group.type(), out ? entity.id() : r.otherId(), out ? r.otherId() : entity.id(), r.period());
            }
        });
        details.setWidthFull();
        return details;
    }

    private void openMerge() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Merge a duplicate into " + entity.name());
        ComboBox<EntitySummary> other =
                new ComboBox<>("The duplicate " + entity.label().toLowerCase(java.util.Locale.ROOT));
        other.setItemLabelGenerator(EntitySummary::name);
        other.setWidthFull();
        other.setItems(query -> {
            int page = query.getOffset() / Math.max(1, query.getLimit()) + 1;
            List<EntitySummary> found = entities.find(
                            query.getFilter().orElse(""), entity.label(), new PageRequest(page, query.getLimit()))
                    .items();
            return found.stream().filter(s -> !s.id().equals(entity.id()));
        });
        Span help =
                new Span("Its aliases, relationships and claims move to " + entity.name() + "; it is then removed.");
        dialog.add(new VerticalLayout(help, other));
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button merge = new Button("Merge", e -> {
            if (other.getValue() == null) {
                other.setInvalid(true);
                other.setErrorMessage("Choose the duplicate");
                return;
            }
            try {
                curation.merge(
                        entity.id(),
                        other.getValue().id(),
                        CurrentUser.get().orElseThrow().username());
                dialog.close();
                Notifications.success(other.getValue().name() + " was merged into " + entity.name() + ".");
                entity = entities.entity(entity.id());
                render();
            } catch (RuntimeException ex) {
                Notifications.error(ex);
            }
        });
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(cancel, merge);
        dialog.open();
    }

    public EntityDetails entity() {
        return entity;
    }
}
