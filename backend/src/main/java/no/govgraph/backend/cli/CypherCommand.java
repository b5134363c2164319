package no.govgraph.backend.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.backend.cypher.CypherLimits;
import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.backend.cypher.ReadOnlyCypher;
import no.govgraph.neo4j.connection.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code govgraph cypher}: a read-only query, printed as a table, JSON or CSV. */
@Command(
        name = "cypher",
        mixinStandardHelpOptions = true,
        description = {
            "Run a read-only Cypher query and print its rows. Write queries are refused (exit code 3).",
            "Uses the running govgraph (or NEO4J_URI) over Bolt, else opens the store in --data-dir."
        })
public class CypherCommand implements Callable<Integer> {

    enum Format {
        table,
        json,
        csv
    }

    // "2015 Oslo" is the text it looks like, not the number 2015 with the rest dropped.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A query parameter ($NAME). VALUE is read as JSON when it is JSON (12, true,"
                    + " [1,2], \"text\"), otherwise as text.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = {"-f", "--format"},
            defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "Time limit (default 10 s).")
    int timeoutSeconds;

    @Option(names = "--max-rows", defaultValue = "5000", paramLabel = "N", description = "Row cap (default 5000).")
    int maxRows;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The Cypher query.")
    String query;

    CypherCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (GraphConnection graph = GraphConnection.forCommand(graphOptions.settings(env))) {
            ReadOnlyCypher cypher =
                    new ReadOnlyCypher(graph.driver(), new CypherLimits(Duration.ofSeconds(timeoutSeconds), maxRows));
            CypherResult result = cypher.run(query, parameters());
            switch (format) {
                case json -> out.println(json(result));
                case csv -> out.print(CliTables.csv(result.columns(), result.rows()));
                case table -> {
                    out.print(CliTables.table(result.columns(), result.rows()));
                    out.println(result.rows().size() + " row(s) in " + result.ms() + " ms"
                            + (result.truncated() ? " (truncated at " + maxRows + ")" : ""));
                }
            }
            out.flush();
            if (result.truncated() && format != Format.table) {
                spec.commandLine().getErr().println("govgraph: result truncated at " + maxRows + " rows");
            }
            return 0;
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parsed = new LinkedHashMap<>();
        params.forEach((name, value) -> parsed.put(name, parseValue(value)));
        return parsed;
    }

    static Object parseValue(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private static String json(CypherResult result) throws JsonProcessingException {
        List<Map<String, Object>> rows = result.rows().stream()
                .map(row -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < result.columns().size(); i++) {
                        object.put(result.columns().get(i), row.get(i));
                    }
                    return object;
                })
                .toList();
        return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
    }
}
