package no.govgraph.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A Cypher editor (CodeMirror 6 with Neo4j's Cypher language support, in the
 * {@code <gg-cypher-editor>} web component): highlighting, linting and completion of keywords and
 * of the graph's labels, relationship types and property keys ({@link #setSchema}). Ctrl/Cmd-Enter
 * fires a {@link RunEvent}.
 */
@Tag("gg-cypher-editor")
@NpmPackage(value = "@neo4j-cypher/codemirror", version = "1.0.3")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@JsModule("./components/gg-cypher-editor.js")
public class CypherEditor extends AbstractSinglePropertyField<CypherEditor, String>
        implements HasSize, Focusable<CypherEditor> {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CypherEditor() {
        super("value", "", false);
        setSynchronizedEvent("value-changed");
        getElement().setAttribute("aria-label", "Cypher query");
        setWidthFull();
    }

    /** What completion offers besides Cypher's keywords. */
    public void setSchema(
            Collection<String> labels,
            Collection<String> relationshipTypes,
            Collection<String> propertyKeys,
            Collection<String> parameters) {
        Map<String, List<String>> schema = Map.of(
                "labels", List.copyOf(labels),
                "relationshipTypes", List.copyOf(relationshipTypes),
                "propertyKeys", List.copyOf(propertyKeys),
                "parameters", List.copyOf(parameters));
        try {
            getElement().setProperty("schema", JSON.writeValueAsString(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The schema cannot be written as JSON", e);
        }
    }

    public void setPlaceholder(String placeholder) {
        getElement().setAttribute("placeholder", placeholder);
    }

    public Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    /** Ctrl/Cmd-Enter in the editor: run this query. */
    @DomEvent("gg-run")
    public static class RunEvent extends ComponentEvent<CypherEditor> {
        private final String query;

        public RunEvent(CypherEditor source, boolean fromClient, @EventData("event.detail.value") String query) {
            super(source, fromClient);
            this.query = query;
        }

        public String query() {
            return query;
        }
    }
}
