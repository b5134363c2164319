package no.govgraph.ui.support;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs slow backend calls (queries, imports) off the request thread, so the page stays usable and
 * shows progress, and hands the result back to the UI. While work is pending the UI polls the server
 * (no push channel needed behind proxies); polling stops when the last piece of work is done.
 */
public final class Background {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "govgraph-ui-work");
        t.setDaemon(true);
        return t;
    });
    private static final String PENDING = Background.class.getName() + ".pending";
    private static final int POLL_MS = 300;

    private static volatile Executor executor = POOL;

    private Background() {}

    /**
     * Runs {@code work} in the background; then {@code done} or {@code failed} in the UI. The UI's
     * session lock is held for those two, never during the work.
     */
    public static <T> CompletableFuture<T> run(
            UI ui, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        pending(ui, +1);
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
        future.whenComplete((result, error) -> ui.access(() -> {
            pending(ui, -1);
            if (error == null) {
                done.accept(result);
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                failed.accept(cause instanceof RuntimeException r ? r : new IllegalStateException(cause));
            }
        }));
        return future;
    }

    private static void pending(UI ui, int delta) {
        AtomicInteger count = (AtomicInteger) ComponentUtil.getData(ui, PENDING);
        if (count == null) {
            count = new AtomicInteger();
            ComponentUtil.setData(ui, PENDING, count);
        }
        int now = count.addAndGet(delta);
        ui.setPollInterval(now > 0 ? POLL_MS : -1);
    }

    /** Tests run background work on their own thread to keep it deterministic. */
    public static void useExecutor(Executor replacement) {
        executor = replacement == null ? POOL : replacement;
    }
}
