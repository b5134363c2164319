package no.govgraph.ingest.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import no.govgraph.ingest.sample.SourceDocument.Block;
import no.govgraph.ingest.sample.SourceDocument.Heading;
import no.govgraph.ingest.sample.SourceDocument.PageBreak;
import no.govgraph.ingest.sample.SourceDocument.Paragraph;
import no.govgraph.ingest.sample.SourceDocument.Table;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Renders a PDF with PDFBox: wrapped lines, real page breaks, tables whose cells wrap onto several
 * lines (so the extracted text splits rows the way real PDF reports do), and fixed metadata and
 * document id so every build gives the same bytes.
 */
final class PdfRenderer {

    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14;
    // Per document: a font object shared between documents would carry object numbers across them.
    private final PDType1Font regular = new PDType1Font(FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);

    private PDDocument pdf;
    private PDPageContentStream stream;
    private float y;

    byte[] render(SourceDocument doc) throws IOException {
        try (PDDocument document = new PDDocument()) {
            pdf = document;
            newPage();
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (Block block : doc.blocks()) {
                if (block instanceof Heading h) {
                    y -= LEADING / 2;
                    for (String line : wrap(h.text(), bold, SIZE + 2, width)) {
                        text(line, bold, SIZE + 2, MARGIN);
                    }
                    y -= LEADING / 3;
                } else if (block instanceof Paragraph p) {
                    for (String source : p.lines()) {
                        for (String line : wrap(source, regular, SIZE, width)) {
                            text(line, regular, SIZE, MARGIN);
                        }
                    }
                    y -= LEADING / 2;
                } else if (block instanceof Table t) table(t, width);
                else if (block instanceof PageBreak pb) newPage();
            }
            stream.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(doc.title());
            info.setAuthor(doc.author());
            info.setProducer("govgraph sample corpus");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            created.clear();
            created.set(
                    doc.created().getYear(),
                    doc.created().getMonthValue() - 1,
                    doc.created().getDayOfMonth());
            info.setCreationDate(created);
            info.setModificationDate(created);
            // Without a fixed id PDFBox derives one from the clock, and the bytes change every build.
            COSString id = new COSString(md5(doc.file()));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            document.getDocument().setDocumentID(ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void table(Table t, float width) throws IOException {
        int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
        float first = columns == 1 ? width : width * 0.5f;
        float rest = columns == 1 ? 0 : (width - first) / (columns - 1);
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            PDType1Font font = r == 0 ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                cells.add(wrap(cell, font, SIZE, (c == 0 ? first : rest) - 8));
            }
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            // Line by line across the cells, as a PDF table is laid out on the page.
            for (int line = 0; line < height; line++) {
                ensureRoom();
                for (int c = 0; c < columns; c++) {
                    if (line < cells.get(c).size()) {
                        float x = MARGIN + (c == 0 ? 0 : first + (c - 1) * rest);
                        show(cells.get(c).get(line), font, SIZE, x);
                    }
                }
                y -= LEADING;
            }
        }
        y -= LEADING / 2;
    }

    private void text(String line, PDType1Font font, float size, float x) throws IOException {
        ensureRoom();
        show(line, font, size, x);
        y -= LEADING;
    }

    private void show(String line, PDType1Font font, float size, float x) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
    }

    private void ensureRoom() throws IOException {
        if (y < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        stream = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Greedy word wrap; a {-} mark always ends the line with a hyphen, as in hyphenated PDF text. */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            List<String> parts = Arrays.asList(word.split("\\{-}", -1));
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i) + (i < parts.size() - 1 ? "-" : "");
                String candidate = line.isEmpty() ? part : line + (i == 0 ? " " : "") + part;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(part);
                } else {
                    line = new StringBuilder(candidate);
                }
                if (i < parts.size() - 1) {
                    lines.add(line.toString());
                    line = new StringBuilder();
                }
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
