package no.govgraph.backend.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** The entry point of the {@code govgraph} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Neo4j-Migrations logs through java.util.logging; send it where everything else goes.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = GovgraphCommand.commandLine(System.getenv()).execute(args);
        // serve returns only after its shutdown; every other command is done here.
        System.exit(code);
    }
}
