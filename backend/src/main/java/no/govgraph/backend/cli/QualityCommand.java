package no.govgraph.backend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import no.govgraph.backend.support.BackendException;
import no.govgraph.ingest.ImportException;
import no.govgraph.ingest.quality.DataQuality;
import no.govgraph.ingest.quality.DataQuality.RelationshipRef;
import no.govgraph.ingest.quality.QualityReport;
import no.govgraph.neo4j.connection.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code govgraph quality}: the data-quality report, as text or JSON. */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description = {
            "Report gaps in the graph: documents with no entities found, offices with no partnership agreement"
                    + " on file, leaders with unknown background, outcome figures without a year, relationships"
                    + " resting on a single low-confidence claim, and relationships without a claim (must be 0).",
            "Uses the running govgraph (or NEO4J_URI) over Bolt, else opens the store in --data-dir."
        })
public class QualityCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(
            names = "--limit",
            defaultValue = "" + QualityReport.DEFAULT_LIMIT,
            paramLabel = "N",
            description = "List at most N items per section (default ${DEFAULT-VALUE}).")
    int limit;

    QualityCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new BackendException(BackendException.Reason.BAD_REQUEST, "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (GraphConnection graph = GraphConnection.forCommand(graphOptions.settings(env))) {
            DataQuality quality;
            try {
                quality = new QualityReport(graph.driver(), limit).check();
            } catch (ImportException e) {
                throw new BackendException(BackendException.Reason.UNAVAILABLE, e.getMessage(), e);
            }
            if (json) {
                out.println(JSON.writeValueAsString(quality));
            } else {
                print(out, quality);
            }
            out.flush();
            return 0;
        }
    }

    private static void print(PrintWriter out, DataQuality q) {
        section(
                out,
                "Documents with no entities found",
                q.documentsWithoutEntities(),
                d -> d.fileName() + " (" + d.kind() + ") " + d.id());
        section(
                out,
                "Offices with no partnership agreement on file",
                q.officesWithoutAgreement(),
                o -> o.name() + " (" + o.unitNumber() + "), in " + o.documents() + " document(s)");
        section(
                out,
                "Leaders with unknown background",
                q.leadersWithUnknownBackground(),
                l -> l.name() + " (" + String.join(", ", l.offices()) + ") " + l.id());
        section(
                out,
                "Outcome figures without a year",
                q.figuresWithoutYear(),
                f -> f.office() + ": " + f.outcome() + " = " + f.value() + " " + f.unit());
        section(
                out,
                "Relationships supported by a single low-confidence claim (< " + q.lowConfidence() + ")",
                q.weaklySupported(),
                r -> relationship(r) + ", confidence " + r.bestConfidence());
        out.printf("Relationships without a claim (must be 0): %d%n", q.relationshipsWithoutClaim());
        q.unsupported().forEach(r -> out.println("  " + relationship(r)));
    }

    private static <T> void section(PrintWriter out, String title, List<T> items, Function<T, String> line) {
        out.printf("%s: %d%n", title, items.size());
        items.forEach(item -> out.println("  " + line.apply(item)));
    }

    private static String relationship(RelationshipRef r) {
        return "(" + r.subject() + ")-[:" + r.type() + (r.period().isEmpty() ? "" : " " + r.period()) + "]->("
                + r.object() + ")";
    }
}
