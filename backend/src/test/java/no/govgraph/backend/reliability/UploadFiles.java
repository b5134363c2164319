package no.govgraph.backend.reliability;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Files for the server's reliability tests, generated in the test (nothing binary is committed).
 * The same kinds as the import module's {@code Corpus} and {@code MaliciousFilesIT} (test classes
 * of another module, which this one cannot reach): PDFs from PDFBox, DOCX from POI, text, HTML and
 * zips, and the pathological files.
 */
final class UploadFiles {

    private UploadFiles() {}

    /**
     * {@code n} files (PDF, DOCX, text, HTML, and every fifth a zip of two entries) whose text names
     * NAV offices, a tool and an outcome figure, so the codebook extractor finds facts in them.
     */
    static List<Path> corpus(Path dir, int n) {
        mkdirs(dir);
        String[] offices = {"Nav Frogner", "Nav Bærum", "Nav Grünerløkka"};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String office = offices[i % offices.length];
            int year = 2010 + i % 8;
            String text = office + " samarbeider med Oslo kommune om tiltak nummer " + i + ".";
            String tool =
                    "Kontoret bruker Lean i arbeidet med sak " + i + ", sier leder Kari Nordmann ved " + office + ".";
            String outcome = "Overgang til arbeid " + year + ": " + (40 + i % 20) + " % ved " + office + ".";
            files.add(
                    switch (i % 5) {
                        case 0 -> pdf(dir.resolve("dok" + i + ".pdf"), List.of(List.of(text, tool), List.of(outcome)));
                        case 1 -> docx(dir.resolve("dok" + i + ".docx"), "Samarbeidsavtale " + i, List.of(text, tool));
                        case 2 -> text(dir.resolve("dok" + i + ".txt"), text + "\n\n" + outcome);
                        case 3 -> text(
                                dir.resolve("dok" + i + ".html"),
                                "<html><head><title>Plan " + i + "</title></head><body><p>" + text + "</p><p>" + tool
                                        + "</p><p>" + outcome + "</p></body></html>");
                        default -> {
                            Map<String, byte[]> entries = new LinkedHashMap<>();
                            entries.put("del" + i + "a.txt", (text + "\n\n" + tool).getBytes(StandardCharsets.UTF_8));
                            entries.put("mappe/del" + i + "b.txt", outcome.getBytes(StandardCharsets.UTF_8));
                            yield write(dir.resolve("pakke" + i + ".zip"), zip(entries));
                        }
                    });
        }
        return files;
    }

    /** A zip of 10 zips of 10 zips of a {@code megabytes} MB entry of one letter. */
    static Path nestedZipBomb(Path file, int megabytes) {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < megabytes; i++) {
            content.writeBytes(block);
        }
        byte[] inner = zip(Map.of("a.txt", content.toByteArray()));
        Map<String, byte[]> middle = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            middle.put("inner" + i + ".zip", inner);
        }
        byte[] middleZip = zip(middle);
        Map<String, byte[]> outer = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            outer.put("middle" + i + ".zip", middleZip);
        }
        return write(file, zip(outer));
    }

    /** The "billion laughs" XML: 10⁹ {@code lol}s once its entities are expanded. */
    static Path billionLaughs(Path file) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        xml.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10));
            xml.append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        return text(file, xml.toString());
    }

    /** A text file of about {@code megabytes} MB of numbered lines. */
    static Path hugeText(Path file, long megabytes) {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            long written = 0;
            for (int i = 0; written < megabytes * 1024 * 1024; i++) {
                String line = "Linje " + i + " i en stor tekstfil om Nav Frogner og Oslo kommune.\n";
                w.write(line);
                written += line.length();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} pages of one sentence each. */
    static Path manyPagePdf(Path file, int pages) {
        List<List<String>> content = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            content.add(List.of("Side " + i + " av et langt dokument om Nav Frogner og Oslo kommune."));
        }
        return pdf(file, content);
    }

    /** A zip nested {@code depth} levels deep around one small text. */
    static Path deeplyNestedZip(Path file, int depth) {
        byte[] current = "Bunnen av en dypt nestet pakke.".getBytes(StandardCharsets.UTF_8);
        String name = "bunn.txt";
        for (int level = 0; level < depth; level++) {
            current = zip(Map.of(name, current));
            name = "niva" + level + ".zip";
        }
        return write(file, current);
    }

    static Path text(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path pdf(Path file, List<List<String>> pages) {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(file.getFileName().toString());
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> paragraphs : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 790);
                    for (String paragraph : paragraphs) {
                        // Short sentences: one line each (Helvetica has the Norwegian letters in WinAnsi).
                        content.showText(paragraph);
                        content.newLine();
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path docx(Path file, String title, List<String> paragraphs) {
        try (XWPFDocument doc = new XWPFDocument();
                OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle(title);
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
