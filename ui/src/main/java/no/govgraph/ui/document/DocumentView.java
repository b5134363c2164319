package no.govgraph.ui.document;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.micronaut.context.annotation.Prototype;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.backend.document.DocumentDetails;
import no.govgraph.backend.document.DocumentService;
import no.govgraph.backend.document.OriginalFile;
import no.govgraph.backend.evidence.ClaimView;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.support.Highlighted;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * One document: its metadata, its text passage by passage with the entities it mentions marked
 * (ranges from the backend, rendered as text, never as HTML), the original file for download, and
 * the claims read in it.
 */
@Route(value = "document/:id", layout = MainLayout.class)
@Prototype
public class DocumentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 200;
    private static final Set<String> SHOWN = Set.of(
            "title",
            "fileName",
            "kind",
            "author",
            "created",
            "language",
            "pages",
            "mediaType",
            "size",
            "importedAt",
            "paths");

    private final DocumentService documents;
    private DocumentDetails document;
    private final VerticalLayout passages = new VerticalLayout();

    public DocumentView(DocumentService documents) {
        this.documents = documents;
        setWidthFull();
        addClassName("document-view");
        passages.setPadding(false);
        passages.setId("document-passages");
    }

    /** The HTML id of a passage's block, for links into the document. */
    public static String passageAnchor(String passageId) {
        return "passage-" + passageId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        passages.removeAll();
        try {
            document = documents.document(id, 0, PAGE);
        } catch (RuntimeException e) {
            document = null;
            add(new H2("Not found"), new Span(Notifications.message(e)));
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return (document == null ? "Document" : title(document)) + " · govgraph";
    }

    private static String title(DocumentDetails d) {
        Object title = d.metadata().get("title");
        Object file = d.metadata().get("fileName");
        return title != null && !title.toString().isBlank() ? title.toString() : String.valueOf(file);
    }

    private void render() {
        H2 heading = new H2(title(document));
        heading.setId("document-title");
        add(heading, metadata(document.metadata()), download());
        if (!document.containedIn().isEmpty() || !document.contains().isEmpty()) {
            Div family = new Div();
            document.containedIn()
                    .forEach(d -> family.add(
                            new Span("Found inside: "),
                            new Anchor(Routes.of(DocumentView.class, d.id()), d.title()),
                            new Span(" ")));
            document.contains()
                    .forEach(d -> family.add(
                            new Span("Contains: "),
                            new Anchor(Routes.of(DocumentView.class, d.id()), d.title()),
                            new Span(" ")));
            add(family);
        }
        add(new H3("Text (" + document.passageCount() + " passages)"));
        addPassages(document.passages());
        add(passages);
        if (document.passageOffset() + document.passages().size() < document.passageCount()) {
            Button more = new Button("Show more passages");
            more.addClickListener(e -> {
                int offset = document.passageOffset() + document.passages().size();
                try {
                    document = documents.document(document.id(), offset, PAGE);
                    addPassages(document.passages());
                    more.setVisible(offset + document.passages().size() < document.passageCount());
                } catch (RuntimeException ex) {
                    Notifications.error(ex);
                }
            });
            add(more);
        }
        add(new H3("Claims read in it (" + document.claims().size() + ")"));
        add(claims(document.claims(), document.entities()));
        // The server never sees the #fragment of a link to a passage: the browser scrolls to it.
        getElement()
                .executeJs("const id = decodeURIComponent(location.hash.slice(1));"
                        + " const el = id && document.getElementById(id);"
                        + " if (el) { el.scrollIntoView({block: 'center'});"
                        + " el.style.outline = '2px solid var(--lumo-primary-color)'; }");
    }

    private Component metadata(Map<String, Object> metadata) {
        FlexLayout list = new FlexLayout();
        list.setId("document-metadata");
        list.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        list.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-l)");
        metadata.entrySet().stream()
                .filter(e -> SHOWN.contains(e.getKey()) && e.getValue() != null)
                .forEach(e -> {
                    Span key = new Span(e.getKey() + ": ");
                    key.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    Object v = e.getValue();
                    String text = v instanceof List<?> l
                            ? String.join(", ", l.stream().map(String::valueOf).toList())
                            : String.valueOf(v);
                    list.add(new Span(key, new Span(text)));
                });
        return list;
    }

    private Component download() {
        String id = document.id();
        DownloadHandler handler = event -> {
            OriginalFile original;
            try {
                original = documents.original(id);
            } catch (RuntimeException e) {
                event.getResponse().setStatus(404);
                event.setContentType("text/plain; charset=utf-8");
                event.getWriter().print(Notifications.message(e));
                return;
            }
            event.setContentType(original.contentType());
            event.getResponse().setHeader("Content-Disposition", original.contentDisposition());
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.setContentLength(Files.size(original.path()));
            try (InputStream in = Files.newInputStream(original.path())) {
                in.transferTo(event.getOutputStream());
            }
        };
        Anchor link = new Anchor(handler, "Download the original");
        link.setId("document-download");
        link.setTarget(AnchorTarget.BLANK);
        return link;
    }

    private void addPassages(List<DocumentDetails.PassageView> list) {
        Integer lastPage = null;
        for (DocumentDetails.PassageView p : list) {
            if (p.page() != null && !p.page().equals(lastPage)) {
                Span page = new Span("Page " + p.page());
                page.getStyle()
                        .set("color", "var(--lumo-secondary-text-color)")
                        .set("font-size", "var(--lumo-font-size-s)");
                passages.add(page);
                lastPage = p.page();
            }
            Div block = new Div();
            block.setId(passageAnchor(p.id()));
            block.addClassName("passage");
            block.getStyle().set("white-space", "pre-wrap").set("max-width", "70em");
            block.add(Highlighted.of(
                    p.text(),
                    p.mentions().stream()
                            .map(m -> new Highlighted.Range(
                                    m.start(),
                                    m.end(),
                                    "mention mention-" + m.label(),
                                    m.label() + ": " + document.entities().getOrDefault(m.entityId(), m.entityId())))
                            .toList()));
            passages.add(block);
        }
    }

    private Component claims(List<ClaimView> claims, Map<String, String> names) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("document-claims");
        for (ClaimView c : claims) {
            Div line = new Div();
            line.addClassName("document-claim");
            line.add(new Anchor(
                    Routes.of(EntityView.class, c.subjectId()), names.getOrDefault(c.subjectId(), c.subjectId())));
            line.add(new Span(" " + c.type() + " "));
            line.add(new Anchor(
                    Routes.of(EntityView.class, c.objectId()), names.getOrDefault(c.objectId(), c.objectId())));
            if (c.period() != null) {
                line.add(new Span(" (" + c.period() + ")"));
            }
            Span quote = new Span(c.quote() == null ? "" : " \u2014 \u201c" + c.quote() + "\u201d");
            quote.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Span status = new Span(c.status());
            status.getElement().getThemeList().add("badge small");
            line.add(quote, new Span(" "), status);
            list.add(line);
        }
        if (claims.isEmpty()) {
            list.add(new Span("None."));
        }
        return list;
    }

    public DocumentDetails document() {
        return document;
    }
}
