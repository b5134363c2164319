package no.govgraph.ui.cypher;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.govgraph.backend.cypher.SavedQuery;
import no.govgraph.backend.cypher.SavedQueryService;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.support.Notifications;

/** Saved queries, shared between users: open one into the editor, or save the editor's query. */
class SavedQueriesBar extends HorizontalLayout {

    private final SavedQueryService saved;
    private final ComboBox<SavedQuery> open = new ComboBox<>();

    SavedQueriesBar(SavedQueryService saved, Supplier<String> currentQuery, Consumer<SavedQuery> onOpen) {
        this.saved = saved;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        open.setId("saved-queries");
        open.setPlaceholder("Open a saved query");
        open.setAriaLabel("Open a saved query");
        open.setItemLabelGenerator(q -> q.name() + (q.description() == null ? "" : " — " + q.description()));
        open.setWidth("22em");
        open.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onOpen.accept(e.getValue());
            }
        });
        Button save = new Button("Save…", VaadinIcon.BOOKMARK.create(), e -> openSaveDialog(currentQuery.get()));
        save.setId("save-query");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(open, save);
        refresh();
    }

    void refresh() {
        try {
            open.setItems(saved.list());
        } catch (RuntimeException e) {
            Notifications.error(e);
        }
    }

    private void openSaveDialog(String query) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Save the query");
        TextField name = new TextField("Name");
        name.setRequired(true);
        name.setWidthFull();
        TextArea description = new TextArea("Description");
        description.setWidthFull();
        dialog.add(new VerticalLayout(name, description));
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button ok = new Button("Save", e -> {
            try {
                saved.save(
                        name.getValue(),
                        description.getValue().isBlank() ? null : description.getValue(),
                        query,
                        null,
                        CurrentUser.get().orElseThrow().username());
                dialog.close();
                Notifications.success("Saved as \u201c" + name.getValue() + "\u201d; every analyst can open it.");
                refresh();
            } catch (RuntimeException ex) {
                name.setInvalid(true);
                name.setErrorMessage(Notifications.message(ex));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }
}
