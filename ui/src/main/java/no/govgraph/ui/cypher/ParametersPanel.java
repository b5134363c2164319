package no.govgraph.ui.cypher;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Name/value rows for a query's {@code $parameters}; values are JSON when they parse as JSON. */
class ParametersPanel extends VerticalLayout {

    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();

    private final class Row extends HorizontalLayout {
        final TextField name = new TextField();
        final TextField value = new TextField();

        Row(String n, String v) {
            name.setPlaceholder("name");
            name.setAriaLabel("Parameter name");
            name.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
            name.setValue(n);
            name.setWidth("10em");
            value.setPlaceholder("value: 0301, 12, true, [1,2] …");
            value.setAriaLabel("Value of the parameter");
            value.setValue(v);
            value.setWidthFull();
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeRow(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove the parameter");
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(name, value, remove);
            expand(value);
        }
    }

    ParametersPanel() {
        setPadding(false);
        list.setPadding(false);
        list.setSpacing(false);
        Button add = new Button("Add parameter", VaadinIcon.PLUS.create(), e -> addRow("", ""));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(list, add);
    }

    void addRow(String name, String value) {
        Row row = new Row(name, value);
        rows.add(row);
        list.add(row);
    }

    private void removeRow(Row row) {
        rows.remove(row);
        list.remove(row);
    }

    /** Adds an empty row for each name the query uses that has none yet. */
    void offer(Collection<String> names) {
        for (String name : names) {
            if (rows.stream().noneMatch(r -> r.name.getValue().strip().equals(name))) {
                addRow(name, "");
            }
        }
    }

    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.name.getValue().isBlank()) {
                out.put(r.name.getValue().strip(), r.value.getValue());
            }
        }
        return out;
    }

    void setValues(Map<String, String> values) {
        rows.clear();
        list.removeAll();
        values.forEach(this::addRow);
    }
}
