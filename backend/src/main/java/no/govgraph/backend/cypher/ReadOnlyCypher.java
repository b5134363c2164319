package no.govgraph.backend.cypher;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs analysts' Cypher read-only, enforced on the server in depth: the lexical {@link CypherGuard};
 * then {@code EXPLAIN}, accepting only what Neo4j's planner calls a read query and refusing plans
 * that load CSV or call procedures off the allowlist; then execution in a READ access-mode
 * transaction with a timeout, and a row cap.
 */
@Singleton
public class ReadOnlyCypher {

    private final Driver driver;
    private final CypherLimits limits;

    public ReadOnlyCypher(Driver driver, CypherLimits limits) {
        this.driver = driver;
        this.limits = limits;
    }

    /**
     * Runs {@code query} with {@code params}.
     *
     * @throws BackendException REFUSED for anything that is not a read, BAD_REQUEST for a syntax or
     *     parameter error, TIMEOUT when the query ran out of time or memory
     */
    public CypherResult run(String query, Map<String, Object> params) {
        long started = System.nanoTime();
        CypherGuard.refusal(query).ifPresent(reason -> {
            throw new BackendException(Reason.REFUSED, "Query refused: " + reason + ".");
        });
        Map<String, Object> parameters = params == null ? Map.of() : params;
        SessionConfig sessionConfig =
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
        TransactionConfig txConfig =
                TransactionConfig.builder().withTimeout(limits.timeout()).build();
        try (Session session = driver.session(sessionConfig)) {
            checkPlan(session, txConfig, query, parameters);
            // An explicit transaction, not executeRead: out-of-memory is a transient error and must
            // not be retried for an analyst's runaway query.
            try (Transaction tx = session.beginTransaction(txConfig)) {
                Result result = tx.run(query, parameters);
                List<String> columns = result.keys();
                CypherValues values = new CypherValues();
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == limits.maxRows()) {
                        truncated = true;
                        break;
                    }
                    Record record = result.next();
                    List<Object> row = new ArrayList<>(columns.size());
                    record.values().forEach(v -> row.add(values.toJava(v)));
                    rows.add(row);
                }
                tx.rollback();
                long ms = (System.nanoTime() - started) / 1_000_000;
                return new CypherResult(columns, rows, values.graph(), truncated, ms);
            }
        } catch (ClientException e) {
            throw translate(e);
        } catch (Neo4jException e) {
            if (isOutOfTimeOrMemory(e)) {
                throw outOfTimeOrMemory(e);
            }
            // A query Neo4j plans but cannot execute (e.g. shortestPath between a node and itself)
            // is the analyst's to change, not a failure of the server.
            if (String.valueOf(e.code()).contains("Statement.ExecutionFailed")) {
                throw new BackendException(Reason.BAD_REQUEST, "Neo4j could not run the query: " + e.getMessage(), e);
            }
            throw new BackendException(Reason.UNAVAILABLE, "The query failed in Neo4j: " + e.getMessage(), e);
        }
    }

    private void checkPlan(Session session, TransactionConfig txConfig, String query, Map<String, Object> params) {
        ResultSummary summary;
        try (Transaction tx = session.beginTransaction(txConfig)) {
            summary = tx.run("EXPLAIN " + query, params).consume();
            tx.rollback();
        }
        QueryType type = summary.queryType();
        if (type != QueryType.READ_ONLY) {
            throw new BackendException(
                    Reason.REFUSED,
                    "Query refused: Neo4j plans it as " + describe(type) + "; queries here are read-only.");
        }
        if (summary.hasPlan()) {
            refuseOperators(summary.plan());
        }
    }

    private static void refuseOperators(Plan plan) {
        String operator = plan.operatorType().toLowerCase(Locale.ROOT);
        if (operator.startsWith("loadcsv")) {
            throw new BackendException(Reason.REFUSED, "Query refused: LOAD CSV is not allowed.");
        }
        if (operator.startsWith("procedurecall")) {
            String details = Optional.ofNullable(plan.arguments().get("Details"))
                    .map(v -> v.asString(""))
                    .orElse("")
                    .toLowerCase(Locale.ROOT);
            boolean allowed = CypherGuard.ALLOWED_PROCEDURES.stream().anyMatch(details::startsWith);
            if (!allowed) {
                throw new BackendException(Reason.REFUSED, "Query refused: this procedure is not allowed.");
            }
        }
        plan.children().forEach(ReadOnlyCypher::refuseOperators);
    }

    private static String describe(QueryType type) {
        return switch (type) {
            case READ_WRITE -> "a read-write query";
            case WRITE_ONLY -> "a write query";
            case SCHEMA_WRITE -> "a schema change";
            case READ_ONLY -> "a read query";
        };
    }

    private static BackendException translate(ClientException e) {
        String code = String.valueOf(e.code());
        if (isOutOfTimeOrMemory(e)) {
            return outOfTimeOrMemory(e);
        }
        if (code.contains("AccessMode") || code.contains("Forbidden") || code.contains("Security")) {
            return new BackendException(Reason.REFUSED, "Query refused by Neo4j: " + e.getMessage(), e);
        }
        if (code.contains("Syntax")
                || code.contains("Semantic")
                || code.contains("ParameterMissing")
                || code.contains("TypeError")
                || code.contains("ArgumentError")
                || code.contains("Statement")) {
            return new BackendException(Reason.BAD_REQUEST, "The query is not valid Cypher: " + e.getMessage(), e);
        }
        return new BackendException(Reason.BAD_REQUEST, "Neo4j refused the query: " + e.getMessage(), e);
    }

    private static boolean isOutOfTimeOrMemory(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("TransactionTimedOut")
                || code.contains("MemoryPoolOutOfMemory")
                || code.contains("TransactionMemoryLimit")
                || code.contains("Terminated");
    }

    private static BackendException outOfTimeOrMemory(Neo4jException e) {
        return new BackendException(
                Reason.TIMEOUT,
                "The query was stopped: it ran longer than its time limit or used more memory than allowed. "
                        + "Add a LIMIT, bound variable-length paths, or narrow the MATCH.",
                e);
    }
}
