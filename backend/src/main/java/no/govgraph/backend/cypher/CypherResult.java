package no.govgraph.backend.cypher;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to an analyst's query.
 *
 * @param columns the result's column names
 * @param rows the rows, each value converted to JSON-friendly Java (maps, lists, strings, numbers)
 * @param graph the nodes and relationships found anywhere in the rows, for a graph view
 * @param truncated whether the row cap cut the result
 * @param ms how long the query took, planning included
 */
@Serdeable
public record CypherResult(List<String> columns, List<List<Object>> rows, GraphView graph, boolean truncated, long ms) {

    public CypherResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
