package no.govgraph.backend.status;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import no.govgraph.neo4j.model.NodeLabel;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads {@link GraphStatus}: counts come from Neo4j's count store, so this stays fast at any size. */
@Singleton
public class StatusService {

    private final GraphConnection graph;

    public StatusService(GraphConnection graph) {
        this.graph = graph;
    }

    public GraphStatus status() {
        Driver driver = graph.driver();
        Record component = driver.executableQuery(
                        """
                        CALL dbms.components() YIELD name, versions, edition
                        RETURN name + ' ' + versions[0] + ' ' + edition AS version
                        """)
                .execute()
                .records()
                .get(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (NodeLabel label : NodeLabel.values()) {
            // The label comes from the enum, never from input: Cypher cannot take a label as a parameter.
            long count = driver.executableQuery("MATCH (n:" + label.label() + ") RETURN count(n) AS c")
                    .execute()
                    .records()
                    .get(0)
                    .get("c")
                    .asLong();
            counts.put(label.label(), count);
        }
        var runs = driver.executableQuery(
                        """
                        MATCH (r:ImportRun)
                        RETURN r.id AS id, toString(r.startedAt) AS startedAt, toString(r.finishedAt) AS finishedAt,
                               r.files AS files, r.imported AS imported, r.unchanged AS unchanged, r.failed AS failed
                        ORDER BY r.startedAt DESC LIMIT 1
                        """)
                .execute()
                .records();
        GraphStatus.LastImport last = runs.isEmpty() ? null : lastImport(runs.get(0));
        return new GraphStatus(
                graph.describe(),
                component.get("version").asString(),
                new SchemaMigrations(driver).isUpToDate(),
                counts,
                last);
    }

    private static GraphStatus.LastImport lastImport(Record r) {
        return new GraphStatus.LastImport(
                r.get("id").asString(),
                r.get("startedAt").asString(""),
                r.get("finishedAt").isNull() ? null : r.get("finishedAt").asString(),
                asLong(r.get("files")),
                asLong(r.get("imported")),
                asLong(r.get("unchanged")),
                asLong(r.get("failed")));
    }

    private static long asLong(Value v) {
        return v.isNull() ? 0 : v.asLong();
    }
}
