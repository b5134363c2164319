package no.govgraph.backend.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the build's project version). */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GovgraphCommand.class.getPackage().getImplementationVersion();
        return new String[] {"govgraph " + (version == null ? "development build" : version)};
    }
}
