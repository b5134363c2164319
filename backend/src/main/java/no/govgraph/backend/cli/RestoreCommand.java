package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.backend.backup.StoreArchive;
import no.govgraph.neo4j.connection.ConnectionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code govgraph restore}: a backup of {@code govgraph backup} into a data directory. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restore a backup made by 'govgraph backup' into the data directory, which must be empty or new",
            "unless --force is given. Then start 'govgraph serve --data-dir DIR' on it."
        })
public class RestoreCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file to restore.")
    Path from;

    @Option(
            names = "--force",
            description = "Replace the contents of a data directory that is not empty (not while a server uses it).")
    boolean force;

    RestoreCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ConnectionSettings settings = graphOptions.settings(env);
        StoreArchive.Summary done = StoreArchive.restore(from, settings.dataDir(), force);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Restored %s into %s: %,d files, %,d MB%n",
                done.archive(), done.dataDir(), done.files(), done.bytes() >> 20);
        out.flush();
        return 0;
    }
}
