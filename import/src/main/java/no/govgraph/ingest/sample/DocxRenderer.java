package no.govgraph.ingest.sample;

import static no.govgraph.ingest.sample.SourceDocument.plain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import no.govgraph.ingest.sample.SourceDocument.Block;
import no.govgraph.ingest.sample.SourceDocument.Heading;
import no.govgraph.ingest.sample.SourceDocument.PageBreak;
import no.govgraph.ingest.sample.SourceDocument.Paragraph;
import no.govgraph.ingest.sample.SourceDocument.Table;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Renders DOCX with POI's XWPF; the zip is rewritten with fixed timestamps afterwards. */
final class DocxRenderer {

    private DocxRenderer() {}

    static byte[] render(SourceDocument doc) throws IOException {
        try (XWPFDocument docx = new XWPFDocument()) {
            for (Block block : doc.blocks()) {
                if (block instanceof Heading h) {
                    XWPFRun run = docx.createParagraph().createRun();
                    run.setBold(true);
                    run.setFontSize(h.level() == 1 ? 16 : 13);
                    run.setText(plain(h.text()));
                } else if (block instanceof Paragraph p) {
                    XWPFRun run = docx.createParagraph().createRun();
                    List<String> lines = p.lines();
                    for (int i = 0; i < lines.size(); i++) {
                        if (i > 0) {
                            run.addBreak();
                        }
                        run.setText(plain(lines.get(i)), i);
                    }
                } else if (block instanceof Table t) {
                    int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
                    XWPFTable table = docx.createTable(t.rows().size(), columns);
                    for (int r = 0; r < t.rows().size(); r++) {
                        List<String> row = t.rows().get(r);
                        for (int c = 0; c < row.size(); c++) {
                            table.getRow(r).getCell(c).setText(plain(row.get(c)));
                        }
                    }
                    docx.createParagraph();
                } else if (block instanceof PageBreak pb) {
                    XWPFParagraph paragraph = docx.createParagraph();
                    paragraph.setPageBreak(true);
                }
            }
            var core = docx.getProperties().getCoreProperties();
            Date created = Date.from(doc.created().atTime(9, 0).toInstant(ZoneOffset.UTC));
            core.setTitle(doc.title());
            core.setCreator(doc.author());
            core.setCreated(Optional.of(created));
            core.setModified(Optional.of(created));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            docx.write(out);
            return Containers.normalizeZip(out.toByteArray(), doc.created());
        }
    }
}
