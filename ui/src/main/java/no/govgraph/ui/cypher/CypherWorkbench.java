package no.govgraph.ui.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.ui.support.Notifications;

/**
 * The workbench's behaviour without the page: runs a query with its parameters through the backend's
 * read-only Cypher, turns failures into something to show next to the query, and records the
 * session's history.
 */
final class CypherWorkbench {

    // Trailing text makes a value text: "2014 report" is not the number 2014.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern STRING_OR_COMMENT =
            Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private final BiFunction<String, Map<String, Object>, CypherResult> cypher;
    private final QueryHistory history;

    /** {@code cypher} runs a query read-only (the backend's audited Cypher service, as the user). */
    CypherWorkbench(BiFunction<String, Map<String, Object>, CypherResult> cypher, QueryHistory history) {
        this.cypher = cypher;
        this.history = history;
    }

    /** Runs the query; never throws for a query's own fault. */
    QueryOutcome run(String query, Map<String, String> parameters) {
        QueryOutcome outcome;
        try {
            CypherResult result = cypher.apply(query, parse(parameters));
            outcome = new QueryOutcome.Ran(result);
        } catch (RuntimeException e) {
            outcome = new QueryOutcome.Failed(QueryOutcome.Kind.of(e), Notifications.message(e));
        }
        history.add(new QueryHistory.Entry(
                query,
                parameters,
                LocalTime.now().withNano(0),
                summary(outcome),
                outcome instanceof QueryOutcome.Failed));
        return outcome;
    }

    static String summary(QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.Ran ran) {
            return ran.result().rows().size() + " rows in " + ran.result().ms() + " ms"
                    + (ran.result().truncated() ? " (cut at the row limit)" : "");
        }
        return ((QueryOutcome.Failed) outcome).kind().title();
    }

    /** Parameter values are read as JSON when they are JSON (12, true, [1,2], "0301"), else as text. */
    static Map<String, Object> parse(Map<String, String> parameters) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name != null && !name.isBlank()) {
                parsed.put(name.strip().replaceFirst("^\\$", ""), parseValue(value == null ? "" : value));
            }
        });
        return parsed;
    }

    static Object parseValue(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /** The {@code $names} a query uses, outside strings and comments, in order of appearance. */
    static Set<String> parametersIn(String query) {
        Set<String> names = new LinkedHashSet<>();
        if (query == null) {
            return names;
        }
        Matcher m = PARAMETER.matcher(STRING_OR_COMMENT.matcher(query).replaceAll(" "));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    List<QueryHistory.Entry> history() {
        return history.entries();
    }
}
