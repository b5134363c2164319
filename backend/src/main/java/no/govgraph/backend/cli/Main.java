package no.govgraph.backend.cli;

/** The entry point of the {@code govgraph} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = GovgraphCommand.commandLine(System.getenv()).execute(args);
        // serve returns only after its shutdown; every other command is done here.
        System.exit(code);
    }
}
