package no.govgraph.ingest.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

    @TempDir
    Path dir;

    private List<WalkEntry> walk(Path... roots) {
        List<WalkEntry> entries = new ArrayList<>();
        FileWalker.walk(List.of(roots), entries::add);
        return entries;
    }

    @Test
    void walksFoldersRecursivelyAndGivesFilesWithTheirSizes() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/x.txt"), "12345");
        Files.writeString(dir.resolve("y.txt"), "1");

        List<WalkEntry> entries = walk(dir);

        assertThat(entries)
                .containsExactlyInAnyOrder(
                        new WalkEntry.File(dir.resolve("a/b/x.txt"), 5), new WalkEntry.File(dir.resolve("y.txt"), 1));
        assertThat(FileWalker.count(List.of(dir), n -> {})).isEqualTo(2);
    }

    @Test
    void reportsMissingPathsAndFoldersWithoutFilesAsProblems() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("tom/under"));

        List<WalkEntry> entries = walk(dir.resolve("mangler.pdf"), empty.getParent());

        assertThat(entries)
                .containsExactly(
                        new WalkEntry.Problem(dir.resolve("mangler.pdf"), "no such file or folder"),
                        new WalkEntry.Problem(empty.getParent(), "the folder holds no readable files"));
    }

    @Test
    void givesAFileNamedDirectlyAndNormalisesItsPath() throws IOException {
        Files.writeString(dir.resolve("z.txt"), "abc");

        assertThat(walk(dir.resolve("./sub/../z.txt"))).containsExactly(new WalkEntry.File(dir.resolve("z.txt"), 3));
    }

    @Test
    void doesNotLoopOnASymbolicLinkToAFolderAbove() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("a.txt"), "a");
        Files.createSymbolicLink(sub.resolve("loop"), dir);

        List<WalkEntry> entries = walk(dir);

        assertThat(entries).filteredOn(e -> e instanceof WalkEntry.File).hasSize(1);
        assertThat(entries)
                .filteredOn(e -> e instanceof WalkEntry.Problem)
                .extracting(e -> ((WalkEntry.Problem) e).reason())
                .allSatisfy(r -> assertThat(r).contains("loops back"));
    }
}
