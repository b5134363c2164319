package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.govgraph.backend.importjob.ImportJobService;
import no.govgraph.backend.importjob.ImportJobView;
import no.govgraph.backend.server.GovgraphServer;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.embedded.BoltPassword;
import no.govgraph.neo4j.migration.SchemaMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code govgraph serve}: the product, on the embedded Neo4j unless NEO4J_URI names another. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start govgraph: the web UI and API on http://localhost:8080 and, unless NEO4J_URI is set,",
            "an embedded Neo4j with Bolt on 127.0.0.1:7687. Stop with Ctrl-C."
        })
public class ServeCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port of the web UI and API (env GOVGRAPH_PORT, default 8080).")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address the web server listens on (env GOVGRAPH_HOST, default 127.0.0.1;"
                    + " 0.0.0.0 for all interfaces).")
    String host;

    @Option(
            names = "--no-sample",
            description = "Do not import the bundled sample corpus when the graph has never had an import"
                    + " (env GOVGRAPH_SAMPLE=false).")
    boolean noSample;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConnectionSettings settings = graphOptions.settings(env);
        int webPort = port != null ? port : Integer.parseInt(env.getOrDefault("GOVGRAPH_PORT", "8080"));
        String webHost = host != null ? host : env.getOrDefault("GOVGRAPH_HOST", "127.0.0.1");

        GraphConnection graph = GraphConnection.forServer(settings);
        GovgraphServer server;
        try {
            String version = new SchemaMigrations(graph.driver()).apply();
            out.println("Graph: " + graph.describe() + " (schema " + version + ")");
            Map<String, Object> properties = new java.util.HashMap<>();
            properties.put("govgraph.data-dir", settings.dataDir().toString());
            String adminPassword = env.get("GOVGRAPH_ADMIN_PASSWORD");
            if (adminPassword != null && !adminPassword.isBlank()) {
                properties.put("govgraph.security.admin-password", adminPassword);
            }
            server = GovgraphServer.start(graph, webHost, webPort, properties);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping govgraph …");
                            out.flush();
                            try {
                                server.close();
                            } finally {
                                graph.close();
                                stopped.countDown();
                            }
                        },
                        "govgraph-shutdown"));

        Optional<ImportJobView> sample = Optional.empty();
        if (!noSample && !"false".equalsIgnoreCase(env.get("GOVGRAPH_SAMPLE"))) {
            try {
                sample = server.context().getBean(ImportJobService.class).importSampleCorpusIfFirstStart();
            } catch (RuntimeException e) {
                // The product works without its sample; say why it is missing and serve on.
                spec.commandLine().getErr().println("govgraph: the sample corpus was not imported: " + e.getMessage());
            }
        }
        printBanner(out, server, graph, settings, sample);
        stopped.await();
        return 0;
    }

    private static void printBanner(
            PrintWriter out,
            GovgraphServer server,
            GraphConnection graph,
            ConnectionSettings s,
            Optional<ImportJobView> sample) {
        out.println();
        out.println("  govgraph is running: " + server.url());
        if (graph.kind() == GraphConnection.Kind.EMBEDDED) {
            out.println("  Neo4j (embedded):   " + graph.uri() + "  user " + graph.username());
            if (graph.isPasswordNew()) {
                out.println("  Neo4j password:     "
                        + graph.embedded().orElseThrow().password() + "  (shown once; stored in "
                        + s.dataDir().resolve(BoltPassword.FILE_NAME) + ")");
            } else if (s.password().isEmpty()) {
                out.println("  Neo4j password:     in " + s.dataDir().resolve(BoltPassword.FILE_NAME));
            }
        } else {
            out.println("  Neo4j:              " + graph.uri());
        }
        server.generatedAdminPassword()
                .ifPresent(p -> out.println("  govgraph sign-in:   user admin, password " + p
                        + "  (shown once; change it under /api/me/password)"));
        sample.ifPresent(job -> out.println("  Sample corpus:      importing "
                + job.files().size() + " documents in the background (Import page; job " + job.id() + ")"));
        out.println("  Stop with Ctrl-C.");
        out.println();
        out.flush();
    }
}
