package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.util.Map;
import no.govgraph.backend.support.BackendException;
import no.govgraph.ingest.ImportException;
import no.govgraph.neo4j.GraphException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * {@code govgraph}: the command line of the product. Exit codes: 0 done, 1 could not run (e.g.
 * Neo4j unreachable), 2 bad usage, 3 query refused.
 */
@Command(
        name = "govgraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Explore governance documents as a graph.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            RemoveCommand.class,
            CypherCommand.class,
            StatusCommand.class,
            QualityCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            CommandLine.HelpCommand.class
        })
public class GovgraphCommand implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_REFUSED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line over the given environment, with govgraph's error handling and exit codes. */
    public static CommandLine commandLine(Map<String, String> env) {
        IFactory factory = new EnvironmentFactory(env);
        CommandLine cl = new CommandLine(new GovgraphCommand(), factory);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof BackendException b) {
                err.println("govgraph: " + b.getMessage());
                return b.reason().exitCode();
            }
            if (e instanceof GraphException g) {
                err.println("govgraph: " + g.getMessage());
                return EXIT_FAILED;
            }
            if (e instanceof ImportException i) {
                err.println("govgraph: " + i.getMessage());
                return EXIT_FAILED;
            }
            err.println("govgraph: " + e);
            e.printStackTrace(err);
            return EXIT_FAILED;
        });
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cl;
    }

    /** Gives commands the environment, so tests can run them with their own. */
    private record EnvironmentFactory(Map<String, String> env) implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var constructor : cls.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Map.class) {
                    constructor.setAccessible(true);
                    return cls.cast(constructor.newInstance(env));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
