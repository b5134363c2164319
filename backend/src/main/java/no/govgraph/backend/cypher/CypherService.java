package no.govgraph.backend.cypher;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.support.BackendException;

/**
 * Analysts' Cypher as a service: runs a query read-only through {@link ReadOnlyCypher} and records
 * every run, refused ones included, in the audit log.
 */
@Singleton
public class CypherService {

    private static final int AUDITED_QUERY_LENGTH = 2000;

    private final ReadOnlyCypher cypher;
    private final AuditLog audit;

    CypherService(ReadOnlyCypher cypher, AuditLog audit) {
        this.cypher = cypher;
        this.audit = audit;
    }

    /** Runs {@code query} for {@code user}; see {@link ReadOnlyCypher#run} for the errors. */
    public CypherResult run(String query, Map<String, Object> params, String user) {
        return run(query, params, user, null);
    }

    /** Runs {@code query} for {@code user} as the saved query {@code savedName}, if not null. */
    public CypherResult run(String query, Map<String, Object> params, String user, String savedName) {
        if (query == null || query.isBlank()) {
            throw BackendException.badRequest("Send {\"query\": \"MATCH …\", \"params\": {…}}; the query is empty.");
        }
        Map<String, Object> parameters = normalise(params);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "query",
                query.length() > AUDITED_QUERY_LENGTH ? query.substring(0, AUDITED_QUERY_LENGTH) + "…" : query);
        if (savedName != null) {
            details.put("savedQuery", savedName);
        }
        try {
            CypherResult result = cypher.run(query, parameters);
            details.put("rows", result.rows().size());
            details.put("truncated", result.truncated());
            details.put("ms", result.ms());
            audit.record(user, "cypher.run", null, details);
            return result;
        } catch (BackendException e) {
            details.put("outcome", e.reason().name().toLowerCase(java.util.Locale.ROOT));
            details.put("message", e.getMessage());
            audit.record(user, "cypher.run", null, details);
            throw e;
        }
    }

    /** JSON numbers arrive as BigDecimal or BigInteger; the driver takes long and double. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalise(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> out.put(k, value(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof BigInteger i) {
            return i.longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.scale() <= 0 && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? d.longValue()
                    : d.doubleValue();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return normalise((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(value(x)));
            return out;
        }
        return v;
    }
}
