package no.govgraph.ingest.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Whether Tesseract (the OCR program Tika calls) is installed. */
public final class Tesseract {

    private Tesseract() {}

    /**
     * Whether {@code tesseract --version} runs.
     *
     * @param directory the directory holding {@code tesseract}, or {@code null} for the PATH
     */
    public static boolean isInstalled(String directory) {
        String program = directory == null || directory.isBlank()
                ? "tesseract"
                : Path.of(directory, "tesseract").toString();
        try {
            Process process = new ProcessBuilder(program, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
