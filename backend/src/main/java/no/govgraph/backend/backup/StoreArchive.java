package no.govgraph.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import no.govgraph.neo4j.embedded.EmbeddedNeo4j;

/**
 * An offline backup of a govgraph data directory as one zip file, and its restore.
 *
 * <p>Neo4j Community has no online backup, and the embedded API offers no dump, so the backup is a
 * copy of the stopped store's files: the Neo4j store with its transaction logs and the {@code
 * system} database, the Neo4j password, the key of all govgraph password hashes ({@code
 * password-pepper}) and of API tokens ({@code jwt-secret}), and the uploads the documents point
 * at. Left out: Neo4j's own logs and the Bolt address of a running server.
 *
 * <p>While it reads, the backup holds Neo4j's own store lock, so a server cannot start on the
 * store half-way through; a store that a running server holds is refused with a clear error.
 * Restore unpacks into a temporary directory next to the target first (every entry's CRC checked by
 * the zip reader) and only then replaces the target, so a broken archive leaves the target as it was.
 */
public final class StoreArchive {

    /** The first entry of every backup: what it is and where it came from. */
    public static final String MANIFEST = "govgraph-backup.properties";

    private static final int FORMAT = 1;
    private static final Set<String> SECRETS = Set.of("neo4j-password", "password-pepper", "jwt-secret");
    private static final Set<String> LEFT_OUT = Set.of("bolt-address", EmbeddedNeo4j.STORE_DIR_NAME + "/logs");

    private StoreArchive() {}

    /** What a backup or restore did. */
    public record Summary(Path archive, Path dataDir, long files, long bytes) {}

    /** Writes the data directory {@code dataDir} into the zip file {@code archive}. */
    public static Summary backup(Path dataDir, Path archive) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path store = dir.resolve(EmbeddedNeo4j.STORE_DIR_NAME);
        if (!Files.isDirectory(store)) {
            throw new BackendException(
                    Reason.BAD_REQUEST,
                    dir + " holds no embedded Neo4j store (no '" + EmbeddedNeo4j.STORE_DIR_NAME
                            + "' directory): is it a govgraph data directory?");
        }
        Path target = archive.toAbsolutePath().normalize();
        if (target.startsWith(dir)) {
            throw new BackendException(
                    Reason.BAD_REQUEST, "Write the backup outside the data directory " + dir + ", not to " + target);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (StoreLock lock = StoreLock.acquire(store)) {
            List<Path> files = filesOf(dir);
            long bytes = 0;
            long count = 0;
            // The backup holds the keys of the data directory: readable by its owner only, like them.
            Files.deleteIfExists(partial);
            createOwnerOnly(partial);
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest(dir, files.size()).store(zip, "govgraph backup");
                zip.closeEntry();
                for (Path file : files) {
                    String name = entryName(dir, file);
                    if (Files.isDirectory(file)) {
                        zip.putNextEntry(new ZipEntry(name + "/"));
                    } else {
                        zip.putNextEntry(new ZipEntry(name));
                        bytes += Files.copy(file, zip);
                        count++;
                    }
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(target, dir, count, bytes);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackendException(
                    Reason.UNAVAILABLE, "The backup of " + dir + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code archive} into {@code dataDir}, which must be missing or empty unless {@code
     * force}; with {@code force} its contents are replaced (refused while a server holds its store).
     */
    public static Summary restore(Path archive, Path dataDir, boolean force) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path source = archive.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new BackendException(Reason.BAD_REQUEST, "No backup file at " + source);
        }
        boolean empty = isEmptyOrMissing(dir);
        if (!empty && !force) {
            throw new BackendException(
                    Reason.BAD_REQUEST,
                    dir + " is not empty: restore into an empty or new directory, or add --force to replace its"
                            + " contents with the backup");
        }
        Path staging = dir.resolveSibling("." + dir.getFileName() + ".restoring-" + System.nanoTime());
        try {
            long[] counted = unpack(source, staging);
            Files.createDirectories(dir);
            Path store = dir.resolve(EmbeddedNeo4j.STORE_DIR_NAME);
            try (StoreLock lock = Files.isDirectory(store) ? StoreLock.acquire(store) : StoreLock.NONE) {
                if (!empty) {
                    clear(dir);
                }
                try (Stream<Path> top = Files.list(staging)) {
                    for (Path p : top.toList()) {
                        Files.move(p, dir.resolve(p.getFileName().toString()));
                    }
                }
            }
            return new Summary(source, dir, counted[0], counted[1]);
        } catch (IOException e) {
            throw new BackendException(
                    Reason.UNAVAILABLE, "The restore of " + source + " into " + dir + " failed: " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    /** Unpacks a backup into a new directory; {files, bytes}. Refuses anything that is not one. */
    private static long[] unpack(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        long files = 0;
        long bytes = 0;
        try (InputStream in = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals(MANIFEST)) {
                throw new BackendException(
                        Reason.BAD_REQUEST, archive + " is not a govgraph backup (no " + MANIFEST + " first)");
            }
            Properties manifest = new Properties();
            manifest.load(zip);
            if (!String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
                throw new BackendException(
                        Reason.BAD_REQUEST,
                        archive + " is a govgraph backup of format " + manifest.getProperty("format")
                                + ", which this version cannot restore");
            }
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                // Entries come from our own backups, but the file may not: nothing may land outside.
                if (!target.startsWith(into) || target.equals(into)) {
                    throw new BackendException(
                            Reason.BAD_REQUEST,
                            archive + " has an entry outside the data directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                bytes += Files.copy(zip, target);
                files++;
                if (SECRETS.contains(into.relativize(target).toString())) {
                    ownerOnly(target);
                }
            }
        } catch (ZipException e) {
            throw new BackendException(Reason.BAD_REQUEST, archive + " is damaged: " + e.getMessage(), e);
        }
        return new long[] {files, bytes};
    }

    private static Properties manifest(Path dir, int files) {
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("created", Instant.now().toString());
        p.setProperty("dataDir", dir.toString());
        p.setProperty("entries", String.valueOf(files));
        String version = StoreArchive.class.getPackage().getImplementationVersion();
        // A govgraph version pins its Neo4j version, hence the store format.
        p.setProperty("govgraph", version == null ? "development" : version);
        return p;
    }

    /** Every file and directory to back up, parents before children, in a stable order. */
    private static List<Path> filesOf(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                if (LEFT_OUT.contains(entryName(dir, d))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                files.add(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !LEFT_OUT.contains(entryName(dir, f))) {
                    files.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(p -> entryName(dir, p)));
        return files;
    }

    private static String entryName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new BackendException(Reason.BAD_REQUEST, dir + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new BackendException(Reason.UNAVAILABLE, "Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's access list.
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : top.toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new BackendException(Reason.UNAVAILABLE, "Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The backup has failed already; a leftover .partial file says so.
        }
    }

    /**
     * Neo4j's own store lock ({@code data/databases/store_lock}, the file a starting Neo4j locks):
     * taken while the files are read or replaced, refused while a server holds it.
     */
    private static final class StoreLock implements AutoCloseable {

        static final StoreLock NONE = new StoreLock(null, null);

        private final FileChannel channel;
        private final FileLock lock;

        private StoreLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static StoreLock acquire(Path store) throws IOException {
            Path file = store.resolve("data").resolve("databases").resolve("store_lock");
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new BackendException(
                        Reason.CONFLICT,
                        "The store in " + store.getParent() + " is in use by a running govgraph (or Neo4j) process."
                                + " Neo4j Community cannot be backed up or restored while it runs: stop 'govgraph serve'"
                                + " (Ctrl-C) and run the command again.");
            }
            return new StoreLock(channel, lock);
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                lock.release();
                channel.close();
            }
        }
    }
}
