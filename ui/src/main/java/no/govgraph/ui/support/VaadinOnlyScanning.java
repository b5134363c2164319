package no.govgraph.ui.support;

import org.eclipse.jetty.ee10.webapp.AbstractConfiguration;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

/**
 * Limits Jetty's annotation scan to the jars that hold servlet components: Vaadin's, Flow's and
 * govgraph's UI. vaadin-boot scans every jar on the class path, which for govgraph means some 400
 * (Neo4j, Tika, Hadoop …): seconds of start-up and hundreds of "scanned from multiple locations"
 * warnings for nothing. Runs before {@link MetaInfConfiguration}, which reads the pattern.
 */
public class VaadinOnlyScanning extends AbstractConfiguration {

    static final String PATTERN_ATTRIBUTE = "org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern";
    static final String PATTERN = ".*/(flow-|vaadin-|govgraph-ui)[^/]*\\.jar$|.*/classes/.*";

    public VaadinOnlyScanning() {
        super(new Builder().addDependents(MetaInfConfiguration.class));
    }

    @Override
    public void preConfigure(WebAppContext context) throws Exception {
        if (context.getAttribute(PATTERN_ATTRIBUTE) != null) {
            context.setAttribute(PATTERN_ATTRIBUTE, PATTERN);
        }
        super.preConfigure(context);
    }
}
