package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.govgraph.backend.support.GraphValues;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A shared, named query.
 *
 * @param id its id
 * @param name its unique name (what it is run by)
 * @param description what it answers
 * @param query the Cypher text
 * @param parameters the names of its {@code $parameters}
 * @param owner who saved it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
@Serdeable
public record SavedQuery(
        String id,
        String name,
        @Nullable String description,
        String query,
        List<String> parameters,
        String owner,
        String createdAt,
        @Nullable String updatedAt) {

    public SavedQuery {
        parameters = List.copyOf(parameters);
    }

    static SavedQuery from(Record r) {
        return new SavedQuery(
                r.get("id").asString(),
                r.get("name").asString(),
                GraphValues.text(r.get("description")),
                r.get("query").asString(),
                r.get("parameters").isNull() ? List.of() : r.get("parameters").asList(Value::asString),
                r.get("owner").asString(),
                r.get("createdAt").asString(""),
                GraphValues.text(r.get("updatedAt")));
    }
}
