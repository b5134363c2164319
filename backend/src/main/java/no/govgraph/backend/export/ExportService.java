package no.govgraph.backend.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.govgraph.backend.compare.CompareService;
import no.govgraph.backend.compare.Comparison;
import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.backend.cypher.CypherService;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.cypher.SavedQueryService;
import no.govgraph.backend.graph.GraphService;
import no.govgraph.backend.support.BackendException;

/**
 * Files for other tools: CSV and JSON of query results and comparisons, GraphML and JSON of
 * neighbourhoods, paths and query graphs.
 */
@Singleton
public class ExportService {

    /** What a file is: its bytes, content type and file name. */
    public record ExportFile(byte[] content, String contentType, String fileName) {}

    private final CypherService cypher;
    private final SavedQueryService saved;
    private final CompareService compare;
    private final GraphService graph;
    private final JsonMapper json;

    ExportService(
            CypherService cypher,
            SavedQueryService saved,
            CompareService compare,
            GraphService graph,
            JsonMapper json) {
        this.cypher = cypher;
        this.saved = saved;
        this.compare = compare;
        this.graph = graph;
        this.json = json;
    }

    public ExportFile query(String query, Map<String, Object> params, String format, String user) {
        return result(cypher.run(query, params, user), format, "query");
    }

    public ExportFile savedQuery(String name, @Nullable Map<String, Object> params, String format, String user) {
        return result(saved.run(name, params, user), format, "query");
    }

    private ExportFile result(CypherResult result, String format, String name) {
        return switch (format(format, "csv", "json", "graphml")) {
            case "csv" -> csv(Csv.of(result.columns(), result.rows(), json), name);
            case "graphml" -> graphml(result.graph(), name);
            default -> json(result, name);
        };
    }

    public ExportFile comparison(String outcome, @Nullable String period, String format) {
        Comparison c = compare.compare(outcome, period);
        if (format(format, "csv", "json").equals("json")) {
            return json(c, "comparison");
        }
        List<String> columns = new ArrayList<>(List.of(
                "office_id", "office", "value", "target", "unit", "period", "leader_background", "partner_kinds"));
        c.tools().forEach(t -> columns.add(t.name()));
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison.OfficeRow o : c.offices()) {
            List<Object> row = new ArrayList<>(List.of(
                    o.id(),
                    o.name(),
                    nullable(o.value()),
                    nullable(o.target()),
                    nullable(c.unit()),
                    c.period(),
                    o.leaderBackground(),
                    String.join(";", o.partnerKinds())));
            o.tools().forEach(cell -> row.add(cell.uses() ? 1 : 0));
            rows.add(row);
        }
        return csv(Csv.of(columns, rows, json), "comparison");
    }

    public ExportFile neighbourhood(
            String id,
            @Nullable Integer depth,
            @Nullable List<String> types,
            @Nullable List<String> labels,
            @Nullable Integer limit,
            String format) {
        var n = graph.neighbourhood(id, depth, types, labels, limit);
        return format(format, "graphml", "json").equals("graphml")
                ? graphml(n.graph(), "neighbourhood")
                : json(n, "neighbourhood");
    }

    public ExportFile paths(String from, String to, @Nullable Integer maxLength, boolean all, String format) {
        var p = graph.paths(from, to, maxLength, all, null);
        return format(format, "graphml", "json").equals("graphml") ? graphml(p.graph(), "paths") : json(p, "paths");
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    private static String format(String format, String... allowed) {
        String f =
                format == null || format.isBlank() ? allowed[0] : format.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(f)) {
                return f;
            }
        }
        throw BackendException.badRequest("format must be one of " + List.of(allowed) + ", not '" + format + "'.");
    }

    private static ExportFile csv(String text, String name) {
        // A byte-order mark makes Excel read the file as UTF-8.
        return new ExportFile(
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8",
                "govgraph-" + name + ".csv");
    }

    private ExportFile json(Object value, String name) {
        try {
            return new ExportFile(json.writeValueAsBytes(value), "application/json", "govgraph-" + name + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    private ExportFile graphml(GraphView view, String name) {
        return new ExportFile(
                GraphMl.of(view, json).getBytes(StandardCharsets.UTF_8),
                "application/graphml+xml",
                "govgraph-" + name + ".graphml");
    }
}
