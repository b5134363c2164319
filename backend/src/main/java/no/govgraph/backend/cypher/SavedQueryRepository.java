package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;

/** {@code SavedQuery} nodes. */
@Singleton
class SavedQueryRepository {

    private static final String FIELDS =
            """
            RETURN q.id AS id, q.name AS name, q.description AS description, q.query AS query,
                   q.parameters AS parameters, q.owner AS owner, toString(q.createdAt) AS createdAt,
                   toString(q.updatedAt) AS updatedAt
            """;

    private final Driver driver;

    SavedQueryRepository(Driver driver) {
        this.driver = driver;
    }

    List<SavedQuery> list() {
        return driver
                .executableQuery("MATCH (q:SavedQuery)\n" + FIELDS + "ORDER BY toLower(q.name)")
                .execute()
                .records()
                .stream()
                .map(SavedQuery::from)
                .toList();
    }

    Optional<SavedQuery> byName(String name) {
        return driver
                .executableQuery("MATCH (q:SavedQuery {name: $name})\n" + FIELDS)
                .withParameters(Map.of("name", name))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(SavedQuery::from);
    }

    /** Creates the query; false if the name is taken (the uniqueness constraint decides). */
    boolean create(
            String id, String name, @Nullable String description, String query, List<String> parameters, String owner) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("name", name);
        params.put("description", description);
        params.put("query", query);
        params.put("parameters", parameters);
        params.put("owner", owner);
        try {
            driver.executableQuery(
                            """
                            CREATE (:SavedQuery {id: $id, name: $name, description: $description, query: $query,
                                                 parameters: $parameters, owner: $owner, createdAt: datetime()})
                            """)
                    .withParameters(params)
                    .execute();
            return true;
        } catch (ClientException e) {
            if (String.valueOf(e.code()).contains("ConstraintValidationFailed")) {
                return false;
            }
            throw e;
        }
    }

    void update(String id, @Nullable String description, String query, List<String> parameters) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("description", description);
        params.put("query", query);
        params.put("parameters", parameters);
        driver.executableQuery(
                        """
                        MATCH (q:SavedQuery {id: $id})
                        SET q.description = $description, q.query = $query, q.parameters = $parameters,
                            q.updatedAt = datetime()
                        """)
                .withParameters(params)
                .execute();
    }

    void delete(String id) {
        driver.executableQuery("MATCH (q:SavedQuery {id: $id}) DETACH DELETE q")
                .withParameters(Map.of("id", id))
                .execute();
    }
}
