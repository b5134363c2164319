package no.govgraph.ui.support;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import no.govgraph.testsupport.TestNeo4j;

/**
 * What a view test needs: the backend's bean context on the JVM's test Neo4j (started once per JVM),
 * handed to the UI as {@code serve} does, and a mocked Vaadin (Karibu) that knows govgraph's routes.
 * Background work runs on the calling thread so that a test sees its result after
 * {@link MockVaadin#runUIQueue()}.
 */
public final class UiTestContext {

    private static ApplicationContext context;
    private static final Routes ROUTES = new Routes().autoDiscoverViews("no.govgraph.ui");

    private UiTestContext() {}

    public static synchronized ApplicationContext beans() {
        if (context == null) {
            TestNeo4j neo4j = TestNeo4j.shared();
            context = ApplicationContext.builder()
                    .properties(Map.of(
                            "govgraph.neo4j.uri", neo4j.uri(),
                            "govgraph.neo4j.username", neo4j.username(),
                            "govgraph.neo4j.password", neo4j.password(),
                            // The real pipeline stands down for InstantPipeline.
                            "govgraph.test.pipeline", "instant"))
                    .singletons(new InstantPipeline())
                    .deduceEnvironment(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    /** Mocks Vaadin with govgraph's routes and the backend's beans; call {@link #tearDown()} after. */
    public static void setUp() {
        UiContext.set(beans(), null);
        Background.useExecutor(Runnable::run);
        MockVaadin.setup(ROUTES);
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        Background.useExecutor(null);
    }

    public static TestNeo4j neo4j() {
        return TestNeo4j.shared();
    }
}
