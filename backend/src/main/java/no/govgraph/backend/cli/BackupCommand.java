package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.backend.backup.StoreArchive;
import no.govgraph.backend.support.BackendException;
import no.govgraph.neo4j.connection.ConnectionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code govgraph backup}: the stopped embedded store and its keys into one zip file. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Back up the data directory (embedded Neo4j store with its transaction logs, the Neo4j password,",
            "the key of govgraph's password hashes, the token key and the uploads) into one zip file.",
            "Stop 'govgraph serve' first: Neo4j Community cannot be backed up while it runs.",
            "For an external Neo4j (NEO4J_URI) use neo4j-admin database dump (docs/RELIABILITY.md)."
        })
public class BackupCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write (.zip).")
    Path to;

    BackupCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ConnectionSettings settings = graphOptions.settings(env);
        if (settings.isExternal()) {
            throw BackendException.badRequest(ConnectionSettings.ENV_URI + " names an external Neo4j, which"
                    + " govgraph does not back up: use its own tools (neo4j-admin database dump, or backup on"
                    + " Enterprise), and copy DATA_DIR/password-pepper and jwt-secret with it.");
        }
        StoreArchive.Summary done = StoreArchive.backup(settings.dataDir(), to);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Backed up %s to %s: %,d files, %,d MB%n",
                done.dataDir(), done.archive(), done.files(), done.bytes() >> 20);
        out.flush();
        return 0;
    }
}
