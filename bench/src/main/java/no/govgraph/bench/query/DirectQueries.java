package no.govgraph.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The direct side of the query benchmark: for each API endpoint, the same Cypher statements the
 * backend's repositories run for it, in the same order and with the same parameters, sent straight
 * through the Neo4j Java driver (no HTTP, no Micronaut, no JSON). The API/direct ratio therefore
 * measures what govgraph adds on top of Neo4j over Bolt. The texts are copies of the backend's
 * (GraphRepository, EntityRepository, SearchRepository, CompareRepository): keep them in step.
 */
public final class DirectQueries {

    private static final List<String> TYPES =
            RelType.evidenced().stream().map(RelType::name).toList();
    private static final List<String> LABELS = EntityIds.entityLabels();
    private static final int SEARCH_CAP = 1000;
    private static final int PAGE = 20;

    /** The evidenced relationship types as a pattern alternative, from the RelType enum only. */
    private static final String TYPED = RelType.evidencedPattern();

    /** Which generation of the backend's statements to send. */
    public enum Statements {
        /**
         * As at stop 10: relationship types named in the neighbourhood expansion and degrees, but
         * the {@code sources} of every relationship read, the edges among the nodes and the entity
         * page matched over all relationships and filtered on {@code type(r)}.
         */
        EARLIER,
        /** As the backend runs them now. */
        CURRENT
    }

    private final Driver driver;
    private final Statements statements;
    private final SessionConfig reads;

    /** The backend's current statements. */
    public DirectQueries(Driver driver) {
        this(driver, Statements.CURRENT);
    }

    /** @param statements the backend's current statements, or the earlier ones to measure next to them */
    public DirectQueries(Driver driver, Statements statements) {
        this.driver = driver;
        this.statements = statements;
        this.reads = SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
    }

    private boolean current() {
        return statements == Statements.CURRENT;
    }

    private List<Record> run(String cypher, Map<String, Object> params) {
        return driver.executableQuery(cypher).withParameters(params).execute().records();
    }

    /** In {@code tx}, or (null) as a transaction of its own as the earlier statements were sent. */
    private List<Record> run(TransactionContext tx, String cypher, Map<String, Object> params) {
        return tx == null ? run(cypher, params) : tx.run(cypher, params).list();
    }

    /** One read transaction, as the backend's repositories open it for a request. */
    private <T> T read(TransactionCallback<T> work) {
        try (Session session = driver.session(reads)) {
            return session.executeRead(work);
        }
    }

    /** {@code GET /api/entities/{id}/neighbourhood?depth=&limit=}: returns the number of nodes. */
    public int neighbourhood(String id, int depth, int limit) {
        return neighbourhood(id, depth, limit, true);
    }

    /** {@code …/neighbourhood?depth=&limit=&sources=}: returns the number of nodes. */
    public int neighbourhood(String id, int depth, int limit, boolean withSources) {
        return current()
                ? read(tx -> neighbourhood(tx, id, depth, limit, withSources))
                : neighbourhoodEarlier(id, depth, limit);
    }

    /** As GraphService and GraphRepository: the request's statements in one read transaction. */
    private int neighbourhood(TransactionContext tx, String id, int depth, int limit, boolean withSources) {
        NodeLabel label = EntityIds.require(id);
        // The label comes from the NodeLabel enum, as in the backend.
        Record center = tx.run(
                        "MATCH (n:" + label.label() + " {id: $id})"
                                + " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,"
                                + " EXISTS { MATCH (c:Claim {status: $rejected}) } AS anyRejected",
                        Map.of("id", id, "rejected", "rejected"))
                .list()
                .get(0);
        boolean rejected = center.get("anyRejected").asBoolean();
        Set<String> nodes = new LinkedHashSet<>();
        nodes.add(center.get("eid").asString());
        List<String> frontier = List.of(center.get("eid").asString());
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            int room = limit - nodes.size();
            List<Record> found = tx.run(
                            frontier.size() == 1
                                    ? """
                            UNWIND $frontier AS eid
                            MATCH (n) WHERE elementId(n) = eid
                            MATCH (n)-[r:%s]-(m)
                            WHERE size(coalesce(r.sources, [])) > 0 AND true
                            WITH DISTINCT m
                            WHERE NOT elementId(m) IN $known
                            RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                            ORDER BY coalesce(m.name, m.id), m.id
                            LIMIT $limit
                            """
                                            .formatted(TYPED)
                                    : """
                            UNWIND $frontier AS eid
                            MATCH (n) WHERE elementId(n) = eid
                            MATCH (n)-[:%s]-(m)
                            WHERE true
                            WITH DISTINCT m
                            WHERE NOT elementId(m) IN $known
                            WITH m ORDER BY coalesce(m.name, m.id), m.id
                            WHERE %s
                            RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                            LIMIT $limit
                            """
                                            .formatted(
                                                    TYPED,
                                                    rejected
                                                            ? """
                                                            EXISTS {
                                                                MATCH (m)-[r:%s]-(f)
                                                                WHERE elementId(f) IN $frontier AND size(coalesce(r.sources, [])) > 0
                                                            }"""
                                                                    .formatted(TYPED)
                                                            : "true"),
                            Map.of(
                                    "frontier",
                                    frontier,
                                    "known",
                                    List.copyOf(nodes),
                                    "labels",
                                    LABELS,
                                    "limit",
                                    Math.max(room, 0) + 1))
                    .list();
            List<String> next = new ArrayList<>();
            for (Record r : found) {
                if (nodes.size() >= limit) {
                    break;
                }
                nodes.add(r.get("eid").asString());
                next.add(r.get("eid").asString());
            }
            frontier = next;
        }
        List<String> ids = List.copyOf(nodes);
        tx.run(
                        """
                        UNWIND $ids AS eid
                        MATCH (a) WHERE elementId(a) = eid
                        RETURN eid,
                               [(a)-[r:%s]->(b) WHERE elementId(b) IN $ids AND size(coalesce(r.sources, [])) > 0
                                | [type(r), elementId(b), %s]] AS out,
                               %s AS degree
                        """
                                .formatted(
                                        TYPED,
                                        withSources ? "properties(r)" : "r{.*, sources: null}",
                                        rejected
                                                ? "COUNT { MATCH (a)-[r:%s]-(m) WHERE true AND size(coalesce(r.sources, [])) > 0 }"
                                                        .formatted(TYPED)
                                                : "COUNT { (a)-[:%s]-() }".formatted(TYPED)),
                        Map.of("ids", ids, "labels", LABELS))
                .list();
        return ids.size();
    }

    /** The stop-10 statements, each in a transaction of its own as the backend sent them then. */
    private int neighbourhoodEarlier(String id, int depth, int limit) {
        NodeLabel label = EntityIds.require(id);
        Record center = run(
                        "MATCH (n:" + label.label() + " {id: $id})"
                                + " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props",
                        Map.of("id", id))
                .get(0);
        Set<String> nodes = new LinkedHashSet<>();
        nodes.add(center.get("eid").asString());
        List<String> frontier = List.of(center.get("eid").asString());
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            int room = limit - nodes.size();
            List<Record> found = run(
                    """
                    UNWIND $frontier AS eid
                    MATCH (n) WHERE elementId(n) = eid
                    MATCH (n)-[r:%s]-(m)
                    WHERE size(coalesce(r.sources, [])) > 0
                      AND any(l IN labels(m) WHERE l IN $labels) AND NOT elementId(m) IN $known
                    WITH DISTINCT m
                    RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                    ORDER BY coalesce(m.name, m.id), m.id
                    LIMIT $limit
                    """
                            .formatted(TYPED),
                    Map.of(
                            "frontier",
                            frontier,
                            "known",
                            List.copyOf(nodes),
                            "labels",
                            LABELS,
                            "limit",
                            Math.max(room, 0) + 1));
            List<String> next = new ArrayList<>();
            for (Record r : found) {
                if (nodes.size() >= limit) {
                    break;
                }
                nodes.add(r.get("eid").asString());
                next.add(r.get("eid").asString());
            }
            frontier = next;
        }
        List<String> ids = List.copyOf(nodes);
        run(
                """
                MATCH (a)-[r]->(b)
                WHERE elementId(a) IN $ids AND elementId(b) IN $ids
                  AND type(r) IN $types AND size(coalesce(r.sources, [])) > 0
                RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
                ORDER BY source, type, target, toString(r.period)
                """,
                Map.of("ids", ids, "types", TYPES));
        run(
                """
                UNWIND $ids AS eid
                MATCH (n) WHERE elementId(n) = eid
                OPTIONAL MATCH (n)-[r:%s]-(m)
                WHERE size(coalesce(r.sources, [])) > 0
                  AND any(l IN labels(m) WHERE l IN $labels)
                RETURN eid, count(DISTINCT m) AS degree
                """
                        .formatted(TYPED),
                Map.of("ids", ids, "labels", LABELS));
        return ids.size();
    }

    /** {@code GET /api/paths?from=&to=}: returns the length of the path found (-1 for none). */
    public int shortestPath(String from, String to) {
        return read(tx -> shortestPath(tx, from, to));
    }

    /** As GraphService: the two lookups and the path in one read transaction. */
    private int shortestPath(TransactionContext tx, String from, String to) {
        NodeLabel fromLabel = EntityIds.require(from);
        NodeLabel toLabel = EntityIds.require(to);
        run(
                tx,
                "MATCH (n:" + fromLabel.label() + " {id: $id}) RETURN elementId(n) AS eid, labels(n) AS labels,"
                        + " properties(n) AS props",
                Map.of("id", from));
        run(
                tx,
                "MATCH (n:" + toLabel.label() + " {id: $id}) RETURN elementId(n) AS eid, labels(n) AS labels,"
                        + " properties(n) AS props",
                Map.of("id", to));
        List<Record> paths = run(
                tx,
                "MATCH (a:" + fromLabel.label() + " {id: $from}), (b:" + toLabel.label() + " {id: $to})\n"
                        + "MATCH p = shortestPath((a)-[*..6]-(b))\n"
                        + """
                WHERE all(r IN relationships(p) WHERE type(r) IN $types AND size(coalesce(r.sources, [])) > 0)
                RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
                       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id,
                                                 props: properties(r)}] AS rels
                LIMIT $limit
                """,
                Map.of("from", from, "to", to, "types", TYPES, "limit", 50));
        return paths.isEmpty() ? -1 : paths.get(0).get("rels").size();
    }

    /** {@code GET /api/search?q=} (first page): returns the number of passage and entity matches. */
    public int search(String lucene) {
        return current() ? read(tx -> search(tx, lucene)) : search(null, lucene);
    }

    /** As SearchService: the request's statements in one read transaction ({@code tx}). */
    private int search(TransactionContext tx, String lucene) {
        List<Record> entities = run(
                tx,
                """
                CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $cap}) YIELD node AS e, score
                OPTIONAL MATCH (e)-[r%s]-(o:Office) WHERE size(coalesce(r.sources, [])) > 0
                WITH e, score, collect(DISTINCT o.id) AS related
                RETURN e.id AS id, [l IN labels(e) WHERE l IN $entityLabels][0] AS label, e.name AS name,
                       e.aliases AS aliases, score,
                       CASE WHEN e:Office THEN related + e.id ELSE related END AS offices
                ORDER BY score DESC, id
                """
                        .formatted(current() ? ":" + TYPED : ""),
                Map.of("q", lucene, "cap", SEARCH_CAP, "entityLabels", LABELS));
        List<Record> passages = current()
                ? run(
                        tx,
                        """
                        CALL db.index.fulltext.queryNodes('passage_text', $q, {limit: $cap}) YIELD node AS p, score
                        MATCH (d:Document)-[:HAS_PASSAGE]->(p)
                        RETURN p.id AS id, score, d.id AS documentId, coalesce(d.title, d.fileName) AS title,
                               d.kind AS kind, d.language AS language,
                               CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                               p.page AS page, [(p)-[:MENTIONS]->(e) | elementId(e)] AS mentions
                        ORDER BY score DESC, id
                        """,
                        Map.of("q", lucene, "cap", SEARCH_CAP))
                : run(
                        tx,
                        """
                        CALL db.index.fulltext.queryNodes('passage_text', $q, {limit: $cap}) YIELD node AS p, score
                        MATCH (d:Document)-[:HAS_PASSAGE]->(p)
                        OPTIONAL MATCH (p)-[:MENTIONS]->(e)
                        WITH p, score, d,
                             collect(DISTINCT [l IN labels(e) WHERE l IN $entityLabels][0]) AS types,
                             collect(DISTINCT CASE WHEN e:Office THEN e.id END) AS offices
                        RETURN p.id AS id, score, d.id AS documentId, coalesce(d.title, d.fileName) AS title,
                               d.kind AS kind, d.language AS language,
                               CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                               p.page AS page, [t IN types WHERE t IS NOT NULL] AS types, offices
                        ORDER BY score DESC, id
                        """,
                        Map.of("q", lucene, "cap", SEARCH_CAP, "entityLabels", LABELS));
        Set<String> offices = new LinkedHashSet<>();
        if (current()) {
            List<String> mentioned = passages.stream()
                    .flatMap(r -> r.get("mentions").asList(Value::asString).stream())
                    .distinct()
                    .toList();
            if (!mentioned.isEmpty()) {
                run(
                                tx,
                                """
                                UNWIND $ids AS eid
                                MATCH (e) WHERE elementId(e) = eid
                                RETURN eid, [l IN labels(e) WHERE l IN $entityLabels][0] AS label,
                                       CASE WHEN e:Office THEN e.id END AS office
                                """,
                                Map.of("ids", mentioned, "entityLabels", LABELS))
                        .forEach(r -> {
                            if (!r.get("office").isNull()) {
                                offices.add(r.get("office").asString());
                            }
                        });
            }
        } else {
            passages.forEach(r -> offices.addAll(r.get("offices").asList(Value::asString)));
        }
        List<String> pageIds = passages.stream()
                .limit(Math.max(0, PAGE - entities.size()))
                .map(r -> r.get("id").asString())
                .toList();
        if (!pageIds.isEmpty()) {
            run(
                    tx,
                    """
                    UNWIND $ids AS id
                    MATCH (p:Passage {id: id})
                    RETURN p.id AS id, p.text AS text
                    """,
                    Map.of("ids", pageIds));
        }
        entities.forEach(r -> offices.addAll(r.get("offices").asList(Value::asString)));
        if (!offices.isEmpty()) {
            run(
                    tx,
                    """
                    UNWIND $ids AS id
                    MATCH (o:Office {id: id})
                    RETURN o.id AS id, o.name AS name
                    """,
                    Map.of("ids", List.copyOf(offices)));
        }
        return entities.size() + passages.size();
    }

    /** {@code GET /api/entities/{id}}: returns the number of relationships. */
    public int entity(String id) {
        NodeLabel label = EntityIds.require(id);
        run("MATCH (n:" + label.label() + " {id: $id}) RETURN properties(n) AS props", Map.of("id", id));
        List<Record> rels = run(
                "MATCH (n:" + label.label() + " {id: $id})"
                        + """

                MATCH (n)-[r%s]-(m)
                WHERE type(r) IN $types AND size(coalesce(r.sources, [])) > 0
                WITH n, r, m, startNode(r) = n AS outgoing, startNode(r).id AS subjectId, endNode(r).id AS objectId
                OPTIONAL MATCH (c:Claim {type: type(r), subjectId: subjectId, objectId: objectId})
                WHERE c.status <> 'rejected' AND (type(r) <> 'ACHIEVED' OR c.period = r.period)
                WITH r, m, outgoing, count(c) AS claims
                RETURN type(r) AS type, outgoing, m.id AS otherId,
                       [l IN labels(m) WHERE l IN $entityLabels][0] AS otherLabel,
                       coalesce(m.name, m.id) AS otherName, r.period AS period, properties(r) AS props,
                       claims, size(r.sources) AS sources,
                       CASE WHEN outgoing THEN $id ELSE m.id END AS subjectId,
                       CASE WHEN outgoing THEN m.id ELSE $id END AS objectId
                ORDER BY type, outgoing DESC, otherName, period
                """
                                .formatted(current() ? ":" + TYPED : ""),
                Map.of("id", id, "types", TYPES, "entityLabels", LABELS));
        run(
                "MATCH (n:" + label.label() + " {id: $id})"
                        + """

                MATCH (n)<-[:MENTIONS]-(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
                RETURN d.id AS id, coalesce(d.title, d.fileName, d.id) AS title, d.kind AS kind,
                       CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                       count(p) AS mentions
                ORDER BY mentions DESC, title
                LIMIT $limit
                """,
                Map.of("id", id, "limit", 200));
        return rels.size();
    }

    /** {@code GET /api/compare?outcome=} (its latest period): returns the number of office rows. */
    public int compare(String outcome) {
        run("MATCH (w:Outcome {id: $id}) RETURN coalesce(w.name, w.id) AS name", Map.of("id", outcome));
        List<Record> outcomes = run(
                """
                MATCH (w:Outcome)
                OPTIONAL MATCH (:Office)-[a:ACHIEVED]->(w) WHERE size(coalesce(a.sources, [])) > 0
                WITH w, collect(DISTINCT toString(a.period)) AS periods
                RETURN w.id AS id, coalesce(w.name, w.id) AS name,
                       [p IN periods WHERE p IS NOT NULL] AS periods
                ORDER BY name
                """,
                Map.of());
        String period = outcomes.stream()
                .filter(r -> r.get("id").asString().equals(outcome))
                .flatMap(r -> r.get("periods").asList(Value::asString).stream())
                .max(String::compareTo)
                .orElse("");
        run(
                """
                MATCH (:Office)-[u:USES_TOOL]->(t:Tool) WHERE size(coalesce(u.sources, [])) > 0
                RETURN DISTINCT t.id AS id, coalesce(t.name, t.id) AS name
                ORDER BY name, id
                """,
                Map.of());
        return run(
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
                               COLLECT { MATCH (o)-[pw:PARTNERS_WITH]->(p:Partner)
                                         WHERE size(coalesce(pw.sources, [])) > 0
                                         RETURN DISTINCT coalesce(p.kind, 'other') } AS partnerKinds
                        ORDER BY name, id
                        """,
                        Map.of("outcome", outcome, "period", period))
                .size();
    }

    /** A value for a query of the benchmark: the first id of a label, or the {@code n}-th. */
    public String nthId(String label, long n) {
        // Only called with the fixed labels of the benchmark.
        return run("MATCH (e:" + label + ") RETURN e.id AS id ORDER BY id SKIP $n LIMIT 1", Map.of("n", n))
                .get(0)
                .get("id")
                .asString();
    }

    /** How many {@code label} nodes there are. */
    public long count(String label) {
        return run("MATCH (e:" + label + ") RETURN count(e) AS n", Map.of())
                .get(0)
                .get("n")
                .asLong();
    }

    /** The name of an entity. */
    public String leaderName(String id) {
        return run("MATCH (e:Leader {id: $id}) RETURN e.name AS name", Map.of("id", id))
                .get(0)
                .get("name")
                .asString();
    }
}
