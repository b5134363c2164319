package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.backend.support.BackendException;
import no.govgraph.ingest.remove.DocumentRemover;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code govgraph remove --document ID | --path PATH}: takes a document out of the graph with its
 * passages, claims and the sources it gave to relationships.
 */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a document (and what is embedded in it) from the graph: its passages, its claims, its id"
                    + " in relationships' sources; relationships and entities nothing else supports go too.",
            "--path withdraws one location: the document goes when no other path holds the same content."
        })
public class RemoveCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static class Target {
        @Option(names = "--document", paramLabel = "ID", description = "The document's id (SHA-256).")
        String document;

        @Option(names = "--path", paramLabel = "PATH", description = "A path the document was imported from.")
        String path;
    }

    RemoveCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (GraphConnection graph = GraphConnection.forCommand(graphOptions.settings(env))) {
            new SchemaMigrations(graph.driver()).apply();
            DocumentRemover remover = new DocumentRemover(graph.driver());
            DocumentRemover.Removal removal =
                    target.document != null ? remover.removeDocument(target.document) : remover.removePath(target.path);
            if (removal.isEmpty()) {
                throw new BackendException(
                        BackendException.Reason.NOT_FOUND,
                        target.document != null
                                ? "No document with id " + target.document
                                : "No document was imported from " + target.path);
            }
            out.printf(
                    "Removed %d documents, %d passages, %d claims, %d relationships, %d entities.%n",
                    removal.documents().size(),
                    removal.passages(),
                    removal.claims(),
                    removal.relationships(),
                    removal.entities());
            if (removal.locations() > 0) {
                out.printf(
                        "Withdrew the path from %d documents that are kept (seen elsewhere too).%n",
                        removal.locations());
            }
            out.flush();
            return 0;
        }
    }
}
