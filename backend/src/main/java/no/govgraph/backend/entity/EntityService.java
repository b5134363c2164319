package no.govgraph.backend.entity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.entity.EntityDetails.RelationshipGroup;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.neo4j.model.NodeLabel;

/** Entity pages and entity lookup (for autocompletion and pickers). */
@Singleton
public class EntityService {

    static final int MAX_DOCUMENTS = 200;

    private final EntityRepository repository;

    EntityService(EntityRepository repository) {
        this.repository = repository;
    }

    /** The entity with {@code id}, or a 404. */
    public EntityDetails entity(String id) {
        NodeLabel label = EntityIds.require(id);
        Map<String, Object> props = repository
                .properties(label, id)
                .orElseThrow(
                        () -> BackendException.notFound("There is no " + label.label() + " with id '" + id + "'."));
        Map<String, RelationshipGroup> groups = new LinkedHashMap<>();
        Map<String, List<EntityDetails.Relationship>> items = new LinkedHashMap<>();
        for (EntityRepository.RelationshipRow row : repository.relationships(label, id)) {
            String key = row.type() + (row.outgoing() ? ">" : "<");
            items.computeIfAbsent(key, k -> new ArrayList<>()).add(row.relationship());
        }
        items.forEach((key, list) -> groups.put(
                key,
                new RelationshipGroup(
                        key.substring(0, key.length() - 1),
                        key.endsWith(">") ? "out" : "in",
                        list.size(),
                        list.stream()
                                .mapToLong(EntityDetails.Relationship::claims)
                                .sum(),
                        list)));
        Object aliases = props.get("aliases");
        List<String> aliasList =
                aliases instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new EntityDetails(
                id,
                label.label(),
                String.valueOf(props.getOrDefault("name", id)),
                aliasList,
                props,
                List.copyOf(groups.values()),
                repository.documents(label, id, MAX_DOCUMENTS));
    }

    /** Entities whose name or alias contains {@code text} (any case), optionally of one label. */
    public Page<EntitySummary> find(@Nullable String text, @Nullable String label, PageRequest page) {
        String l = label == null || label.isBlank() ? null : label.strip();
        if (l != null && !EntityIds.entityLabels().contains(l)) {
            throw BackendException.badRequest(
                    "label must be one of " + EntityIds.entityLabels() + ", not '" + l + "'.");
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        List<EntitySummary> found = repository.find(t, l, page.offset(), page.size() + 1);
        boolean more = found.size() > page.size();
        List<EntitySummary> items = more ? found.subList(0, page.size()) : found;
        return new Page<>(items, page.page(), page.size(), page.offset() + items.size() + (more ? 1 : 0), more);
    }
}
