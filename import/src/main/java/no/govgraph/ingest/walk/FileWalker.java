package no.govgraph.ingest.walk;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Walks the paths given to an import: files as they are, folders recursively (following symbolic
 * links, with loops detected). Entries are handed on one at a time as they are found, so a corpus
 * of any size is never held in memory. Problems (a path that does not exist, a file or folder that
 * cannot be read, a folder with no readable files in it) are entries too, never exceptions.
 */
public final class FileWalker {

    private FileWalker() {}

    /** Walks {@code roots} in order, giving each file and each problem to {@code sink}. */
    public static void walk(List<Path> roots, Consumer<WalkEntry> sink) {
        for (Path root : roots) {
            walkRoot(root.toAbsolutePath().normalize(), sink);
        }
    }

    /** Counts the files under {@code roots} (for progress), giving the running count every 1,000. */
    public static long count(List<Path> roots, LongConsumer progress) {
        long[] count = {0};
        walk(roots, entry -> {
            if (entry instanceof WalkEntry.File && ++count[0] % 1000 == 0) {
                progress.accept(count[0]);
            }
        });
        return count[0];
    }

    private static void walkRoot(Path root, Consumer<WalkEntry> sink) {
        if (!Files.exists(root)) {
            sink.accept(new WalkEntry.Problem(root, "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(root)) {
            FileWalker.visitFile(root, sink);
            return;
        }
        if (!Files.isReadable(root)) {
            sink.accept(new WalkEntry.Problem(root, "the folder cannot be read (permission denied)"));
            return;
        }
        long[] files = {0};
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                if (FileWalker.visitFile(file, sink)) {
                                    files[0]++;
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            sink.accept(new WalkEntry.Problem(file, reason(e)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                sink.accept(new WalkEntry.Problem(
                                        dir, "the folder could not be read to the end: " + reason(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            sink.accept(new WalkEntry.Problem(root, reason(e)));
            return;
        }
        if (files[0] == 0) {
            sink.accept(new WalkEntry.Problem(root, "the folder holds no readable files"));
        }
    }

    /** Hands on one file; true if it is readable. */
    private static boolean visitFile(Path file, Consumer<WalkEntry> sink) {
        if (!Files.isRegularFile(file)) {
            sink.accept(new WalkEntry.Problem(file, "not a regular file (a device, pipe or socket)"));
            return false;
        }
        if (!Files.isReadable(file)) {
            sink.accept(new WalkEntry.Problem(file, "the file cannot be read (permission denied)"));
            return false;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            sink.accept(new WalkEntry.Problem(file, reason(e)));
            return false;
        }
        sink.accept(new WalkEntry.File(file, size));
        return true;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder (it disappeared during the walk)";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loops back to a folder above it: not followed";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
