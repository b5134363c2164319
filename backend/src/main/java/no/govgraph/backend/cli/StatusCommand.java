package no.govgraph.backend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.backend.status.GraphStatus;
import no.govgraph.backend.status.StatusService;
import no.govgraph.neo4j.connection.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code govgraph status}: where Neo4j is, its version, counts per label, the last import. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show where the graph is, Neo4j's version, nodes per label and the last import run.")
public class StatusCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    StatusCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (GraphConnection graph = GraphConnection.forCommand(graphOptions.settings(env))) {
            GraphStatus status = new StatusService(graph).status();
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(status));
            } else {
                out.println("Neo4j:   " + status.neo4j());
                out.println("Version: " + status.version());
                out.println("Schema:  " + (status.schemaUpToDate() ? "up to date" : "migrations pending"));
                out.println("Nodes:");
                status.counts().forEach((label, count) -> out.printf("  %-14s %,d%n", label, count));
                GraphStatus.LastImport last = status.lastImport();
                if (last == null) {
                    out.println("Last import: none");
                } else {
                    out.printf(
                            "Last import: %s, started %s: %d files, %d imported, %d unchanged, %d failed%n",
                            last.id(),
                            last.startedAt(),
                            last.files(),
                            last.imported(),
                            last.unchanged(),
                            last.failed());
                }
            }
            out.flush();
            return 0;
        }
    }
}
