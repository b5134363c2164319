package no.govgraph.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.search.SearchFilters;
import no.govgraph.backend.search.SearchResult;
import no.govgraph.backend.search.SearchService;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.document.DocumentView;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.support.Highlighted;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * Search over passages and entity names: one box, facets as filters, highlighted snippets with
 * document and page, paging. The query and filters live in the URL, so a search can be shared.
 */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search · govgraph")
@Prototype
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE_SIZE = 20;
    private static final String[] FACETS = {"type", "kind", "year", "language", "office"};
    private static final Map<String, String> FACET_LABELS = Map.of(
            "type", "Entity type", "kind", "Document kind", "year", "Year", "language", "Language", "office", "Office");

    private final SearchService search;
    private final TextField box = new TextField();
    private final Map<String, ComboBox<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    private final Map<String, String> filters = new LinkedHashMap<>();
    private final VerticalLayout hits = new VerticalLayout();
    private final Span count = new Span();
    private final Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create());
    private String query = "";
    private int page = 1;
    private boolean updatingFacets;
    private SearchResult last;

    public SearchView(SearchService search) {
        this.search = search;
        setWidthFull();
        box.setId("search-box");
        box.setPlaceholder("Offices, leaders, tools, or any words from the documents");
        box.setAriaLabel("Search");
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.setWidthFull();
        box.addKeyPressListener(Key.ENTER, e -> submit());
        Button go = new Button("Search", e -> submit());
        go.setId("search-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(box, go);
        bar.setWidthFull();
        bar.expand(box);

        FlexLayout facetBar = new FlexLayout();
        facetBar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facetBar.getStyle().set("gap", "var(--lumo-space-s)");
        for (String facet : FACETS) {
            ComboBox<SearchResult.FacetValue> combo = new ComboBox<>(FACET_LABELS.get(facet));
            combo.setId("facet-" + facet);
            combo.setClearButtonVisible(true);
            combo.setItemLabelGenerator(v -> v.label() + " (" + v.count() + ")");
            combo.setWidth("13em");
            combo.addValueChangeListener(e -> {
                if (updatingFacets || !e.isFromClient()) {
                    return;
                }
                if (e.getValue() == null) {
                    filters.remove(facet);
                } else {
                    filters.put(facet, e.getValue().value());
                }
                page = 1;
                navigate();
            });
            facets.put(facet, combo);
            facetBar.add(combo);
        }

        hits.setPadding(false);
        hits.setId("search-hits");
        count.setId("search-count");
        previous.addClickListener(e -> {
            page--;
            navigate();
        });
        next.addClickListener(e -> {
            page++;
            navigate();
        });
        next.setIconAfterText(true);
        HorizontalLayout pager = new HorizontalLayout(previous, next);
        add(new H2("Search"), bar, facetBar, count, hits, pager);
    }

    private void submit() {
        query = box.getValue().strip();
        page = 1;
        navigate();
    }

    private void navigate() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            params.put("q", query);
        }
        params.putAll(filters);
        if (page > 1) {
            params.put("page", String.valueOf(page));
        }
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, QueryParameters.simple(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        query = first(params, "q").orElse("");
        filters.clear();
        for (String facet : FACETS) {
            first(params, facet).ifPresent(v -> filters.put(facet, v));
        }
        page = first(params, "page").map(SearchView::parsePage).orElse(1);
        box.setValue(query);
        run();
    }

    private static int parsePage(String p) {
        try {
            return Math.max(1, Integer.parseInt(p));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private void run() {
        hits.removeAll();
        if (query.isEmpty()) {
            count.setText("Type a name or words to search for.");
            previous.setVisible(false);
            next.setVisible(false);
            return;
        }
        try {
            SearchFilters f = new SearchFilters(
                    filters.get("type"),
                    filters.get("kind"),
                    filters.get("year"),
                    filters.get("language"),
                    filters.get("office"));
            last = search.search(query, f, new PageRequest(page, PAGE_SIZE));
        } catch (RuntimeException e) {
            count.setText("");
            Notifications.error(e);
            return;
        }
        show(last);
    }

    private void show(SearchResult result) {
        long from = (long) (result.page() - 1) * result.size() + 1;
        count.setText(
                result.total() == 0
                        ? "No matches for \u201c" + result.query() + "\u201d."
                        : "Matches " + from + "–" + (from + result.hits().size() - 1) + " of " + result.total()
                                + (result.totalCapped() ? "+" : ""));
        for (SearchResult.Hit hit : result.hits()) {
            hits.add(hitCard(hit));
        }
        previous.setVisible(result.page() > 1);
        next.setVisible(result.hasMore());
        updatingFacets = true;
        try {
            setFacet("type", result.facets().type());
            setFacet("kind", result.facets().kind());
            setFacet("year", result.facets().year());
            setFacet("language", result.facets().language());
            setFacet("office", result.facets().office());
        } finally {
            updatingFacets = false;
        }
    }

    private void setFacet(String facet, List<SearchResult.FacetValue> values) {
        ComboBox<SearchResult.FacetValue> combo = facets.get(facet);
        combo.setItems(values);
        String selected = filters.get(facet);
        combo.setValue(
                selected == null
                        ? null
                        : values.stream()
                                .filter(v -> v.value().equals(selected))
                                .findFirst()
                                .orElse(new SearchResult.FacetValue(selected, selected, 0)));
    }

    private Component hitCard(SearchResult.Hit hit) {
        Div card = new Div();
        card.addClassName("search-hit");
        card.getStyle()
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("width", "100%")
                .set("box-sizing", "border-box");
        Span badge = new Span(hit.label());
        badge.getElement().getThemeList().add("badge");
        Anchor title;
        if ("entity".equals(hit.kind())) {
            title = new Anchor(Routes.of(EntityView.class, hit.id()), hit.title());
        } else {
            title = new Anchor(
                    Routes.of(DocumentView.class, hit.documentId()) + "#" + DocumentView.passageAnchor(hit.id()),
                    hit.title());
        }
        title.addClassName("search-hit-title");
        H3 heading = new H3();
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        heading.add(title);
        HorizontalLayout head = new HorizontalLayout(badge, heading);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(head);
        if (hit.snippet() != null && !hit.snippet().text().isBlank()) {
            Paragraph snippet = new Paragraph();
            snippet.getStyle().set("margin", "var(--lumo-space-xs) 0");
            snippet.add(Highlighted.of(
                    hit.snippet().text(),
                    hit.snippet().highlights().stream()
                            .map(r -> new Highlighted.Range(r.start(), r.end(), "hl", null))
                            .toList()));
            card.add(snippet);
        }
        if ("passage".equals(hit.kind())) {
            Span meta = new Span(String.join(
                    " · ",
                    java.util.stream.Stream.of(
                                    hit.page() == null ? null : "page " + hit.page(),
                                    hit.documentKind(),
                                    hit.year(),
                                    hit.language())
                            .filter(s -> s != null && !s.isBlank())
                            .toList()));
            meta.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            card.add(meta);
        }
        return card;
    }

    public SearchResult lastResult() {
        return last;
    }
}
