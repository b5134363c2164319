package no.govgraph.ingest.walk;

import java.nio.file.Path;

/** What the walk found at one place: a file to import, or a problem to record. */
public sealed interface WalkEntry {

    /** Marks the end of a stream of entries (for queues between threads). */
    WalkEntry END = new Problem(Path.of(""), "end");

    Path path();

    /** A regular file, with its size in bytes when the walk saw it. */
    record File(Path path, long size) implements WalkEntry {}

    /** Something that cannot be imported (a missing path, an unreadable file, an empty folder). */
    record Problem(Path path, String reason) implements WalkEntry {}
}
