package no.govgraph.ingest.parse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The main class of a parse worker: a child JVM that parses files with {@link TikaTextExtractor}
 * for the importer, one at a time, over {@link WorkerProtocol}. It holds no database connection, so
 * a parser that crashes, runs out of memory or hangs costs one file, and the importer starts a new
 * worker.
 */
public final class ParseWorker {

    private static final long PARENT_CHECK_MILLIS = 1_000;

    private ParseWorker() {}

    public static void main(String[] args) throws IOException {
        // The protocol owns stdout; anything a parser prints goes to stderr instead.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));

        watchParent();
        ParserSettings settings = WorkerProtocol.read(in, ParserSettings.class);
        TikaTextExtractor extractor = new TikaTextExtractor(settings);
        WorkerProtocol.write(
                out, new WorkerProtocol.Ready(ProcessHandle.current().pid()));
        while (true) {
            WorkerProtocol.Request request;
            try {
                request = WorkerProtocol.read(in, WorkerProtocol.Request.class);
            } catch (EOFException e) {
                return; // the importer is done with us
            }
            ExtractionResult result = extractor.extract(Path.of(request.path()));
            WorkerProtocol.write(out, WorkerProtocol.Reply.of(request.seq(), result));
        }
    }

    /**
     * Ends this worker when the importer is gone (killed with {@code kill -9}, say), even in the
     * middle of a file that hangs: no parser outlives its import.
     */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        long pid = parent.get().pid();
        Thread watch = new Thread(
                () -> {
                    while (true) {
                        try {
                            Thread.sleep(PARENT_CHECK_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                            Runtime.getRuntime().halt(0);
                        }
                    }
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
