package no.govgraph.backend.compare;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.entity.EntitySummary;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads offices with their outcome values, tools, leaders and partners. */
@Singleton
class CompareRepository {

    private final Driver driver;

    CompareRepository(Driver driver) {
        this.driver = driver;
    }

    List<OutcomePeriods> outcomes() {
        return driver
                .executableQuery(
                        """
                        MATCH (w:Outcome)
                        OPTIONAL MATCH (:Office)-[a:ACHIEVED]->(w) WHERE size(coalesce(a.sources, [])) > 0
                        WITH w, collect(DISTINCT toString(a.period)) AS periods
                        RETURN w.id AS id, coalesce(w.name, w.id) AS name,
                               [p IN periods WHERE p IS NOT NULL] AS periods
                        ORDER BY name
                        """)
                .execute()
                .records()
                .stream()
                .map(r -> new OutcomePeriods(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("periods").asList(Value::asString).stream()
                                .sorted(java.util.Comparator.reverseOrder())
                                .toList()))
                .toList();
    }

    Optional<EntitySummary> outcome(String id) {
        return driver
                .executableQuery("MATCH (w:Outcome {id: $id}) RETURN coalesce(w.name, w.id) AS name")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> new EntitySummary(id, "Outcome", r.get("name").asString()));
    }

    List<EntitySummary> tools() {
        return driver
                .executableQuery(
                        """
                        MATCH (:Office)-[u:USES_TOOL]->(t:Tool) WHERE size(coalesce(u.sources, [])) > 0
                        RETURN DISTINCT t.id AS id, coalesce(t.name, t.id) AS name
                        ORDER BY name, id
                        """)
                .execute()
                .records()
                .stream()
                .map(r -> new EntitySummary(
                        r.get("id").asString(), "Tool", r.get("name").asString()))
                .toList();
    }

    List<Record> offices(String outcome, String period) {
        return driver.executableQuery(
                        """
                        MATCH (o:Office)
                        OPTIONAL MATCH (o)-[a:ACHIEVED]->(:Outcome {id: $outcome})
                        WHERE toString(a.period) = $period AND size(coalesce(a.sources, [])) > 0
                        WITH o, head(collect(a)) AS a
                        RETURN o.id AS id, coalesce(o.name, o.id) AS name, a.value AS value, a.unit AS unit,
                               a.target AS target,
                               COLLECT { MATCH (o)-[u:USES_TOOL]->(t:Tool) WHERE size(coalesce(u.sources, [])) > 0
                                         RETURN t.id } AS tools,
                               COLLECT { MATCH (l:Leader)-[le:LEADS]->(o) WHERE size(coalesce(le.sources, [])) > 0
                                         RETURN {id: l.id, name: coalesce(l.name, l.id), background: l.background,
                                                 from: toString(le.from), to: toString(le.to)} } AS leaders,
                               COLLECT { MATCH (o)-[pw:PARTNERS_WITH]->(p:Partner) WHERE size(coalesce(pw.sources, [])) > 0
                                         RETURN DISTINCT coalesce(p.kind, 'other') } AS partnerKinds
                        ORDER BY name, id
                        """)
                .withParameters(Map.of("outcome", outcome, "period", period))
                .execute()
                .records();
    }
}
