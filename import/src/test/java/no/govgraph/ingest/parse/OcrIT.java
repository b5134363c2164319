package no.govgraph.ingest.parse;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.govgraph.ingest.fixtures.TestFiles;
import no.govgraph.ingest.run.ImportProcessMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCR with Tesseract: only when asked for. The import runs in a process whose PATH starts with a
 * stand-in {@code tesseract} that notes every call and hands it on to the real one, so a call by
 * any route (Tika's OCR parser, the PDF parser's OCR) is seen.
 */
class OcrIT {

    private static final Path REAL_TESSERACT = Path.of("/usr/bin/tesseract");

    @TempDir
    Path dir;

    private Path calls;
    private Path fakeBin;

    @BeforeAll
    static void tesseractIsInstalled() {
        assertThat(REAL_TESSERACT)
                .as("Tesseract must be installed for the OCR tests (.ci/run installs tesseract-ocr, tesseract-ocr-nor)")
                .isExecutable();
    }

    @BeforeEach
    void standIn() throws IOException {
        neo4j().clear();
        calls = dir.resolve("tesseract-calls.log");
        fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path fake = fakeBin.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec " + REAL_TESSERACT + " \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void importInOwnProcess(boolean ocr, Path... files) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dimport.ocr=" + ocr,
                "-cp",
                System.getProperty("java.class.path"),
                ImportProcessMain.class.getName(),
                neo4j().uri(),
                neo4j().username(),
                neo4j().password(),
                "1"));
        for (Path f : files) {
            command.add(f.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("import.log").toFile());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("the import finished")
                .isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("import.log")))
                .isZero();
    }

    private Path image() {
        return TestFiles.png(dir.resolve("skann.png"), "Samarbeidsavtale 2015\nNav Frogner");
    }

    @Test
    void withoutOcrTesseractIsNeverCalled() throws Exception {
        Path png = image();
        Path scan = TestFiles.scannedPdf(dir.resolve("skann.pdf"), "Tildelingsbrev 2016\nNav Bærum");

        importInOwnProcess(false, png, scan);

        assertThat(calls).as("tesseract was called").doesNotExist();
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(2);
        assertThat(count("MATCH (p:Passage) RETURN count(p)")).isZero();
    }

    @Test
    void withOcrTheTextOfImagesAndScansComesOut() throws Exception {
        Path png = image();
        Path scan = TestFiles.scannedPdf(dir.resolve("skann.pdf"), "Tildelingsbrev 2016\nNav Bærum");

        importInOwnProcess(true, png, scan);

        assertThat(Files.readString(calls)).contains("nor+eng");
        List<String> texts = query("MATCH (p:Passage) RETURN p.text AS t").stream()
                .map(r -> r.get("t").asString())
                .toList();
        assertThat(String.join("\n", texts)).contains("Samarbeidsavtale", "Frogner", "Tildelingsbrev");
    }
}
