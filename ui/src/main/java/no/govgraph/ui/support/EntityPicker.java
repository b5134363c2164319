package no.govgraph.ui.support;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Optional;
import no.govgraph.backend.entity.EntityService;
import no.govgraph.backend.entity.EntitySummary;
import no.govgraph.backend.support.PageRequest;

/** A combo box that finds entities by name or alias as the user types (autocomplete). */
public class EntityPicker extends ComboBox<EntitySummary> {

    private final EntityService entities;

    public EntityPicker(String label, EntityService entities) {
        super(label);
        this.entities = entities;
        setPlaceholder("Type a name");
        setItemLabelGenerator(e -> e.name() + " (" + e.label() + ")");
        setClearButtonVisible(true);
        setWidth("20em");
        setItems(query -> {
            int size = Math.min(Math.max(query.getLimit(), 1), PageRequest.MAX_SIZE);
            int page = query.getOffset() / size + 1;
            return entities.find(query.getFilter().orElse(""), null, new PageRequest(page, size)).items().stream();
        });
    }

    /** Selects the entity with this id, if it exists. */
    public Optional<EntitySummary> select(String id) {
        try {
            var details = entities.entity(id);
            EntitySummary summary = new EntitySummary(details.id(), details.label(), details.name());
            setValue(summary);
            return Optional.of(summary);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
