package no.govgraph.ingest.sample;

import static no.govgraph.ingest.sample.SourceDocument.plain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.sample.SourceDocument.Block;
import no.govgraph.ingest.sample.SourceDocument.Heading;
import no.govgraph.ingest.sample.SourceDocument.PageBreak;
import no.govgraph.ingest.sample.SourceDocument.Paragraph;
import no.govgraph.ingest.sample.SourceDocument.Table;

/** Renders the formats that are text underneath: plain text, HTML, RTF and ODF (zip of XML). */
final class TextFormats {

    private static final int TEXT_WIDTH = 72;

    private TextFormats() {}

    /** Plain text wrapped at 72 columns, tables as aligned columns, like a text export or a mail body. */
    static String text(SourceDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h) {
                String text = plain(h.text());
                sb.append(text).append('\n');
                if (h.level() == 1) {
                    sb.append("=".repeat(text.length())).append('\n');
                }
                sb.append('\n');
            } else if (block instanceof Paragraph p) {
                for (String line : p.lines()) {
                    wrap(line, TEXT_WIDTH).forEach(l -> sb.append(l).append('\n'));
                }
                sb.append('\n');
            } else if (block instanceof Table t) {
                int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
                int[] widths = new int[columns];
                for (List<String> row : t.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        widths[c] = Math.max(widths[c], plain(row.get(c)).length());
                    }
                }
                for (List<String> row : t.rows()) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < row.size(); c++) {
                        String cell = plain(row.get(c));
                        line.append(cell).append(" ".repeat(widths[c] - cell.length() + 3));
                    }
                    sb.append(line.toString().stripTrailing()).append('\n');
                }
                sb.append('\n');
            } else if (block instanceof PageBreak pb) sb.append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String[] parts = word.split("\\{-}", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i] + (i < parts.length - 1 ? "-" : "");
                String candidate = line.isEmpty() ? part : line + (i == 0 ? " " : "") + part;
                if (!line.isEmpty() && candidate.length() > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(part);
                } else {
                    line = new StringBuilder(candidate);
                }
                if (i < parts.length - 1) {
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

    static String html(SourceDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"")
                .append(doc.language())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(xml(doc.title()))
                .append("</title>\n<meta name=\"author\" content=\"")
                .append(xml(doc.author()))
                .append("\">\n<meta name=\"date\" content=\"")
                .append(doc.created())
                .append("\">\n</head>\n<body>\n");
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h)
                sb.append("<h")
                        .append(h.level())
                        .append('>')
                        .append(xml(plain(h.text())))
                        .append("</h")
                        .append(h.level())
                        .append(">\n");
            else if (block instanceof Paragraph p)
                sb.append("<p>")
                        .append(String.join(
                                "<br>\n",
                                p.lines().stream().map(l -> xml(plain(l))).toList()))
                        .append("</p>\n");
            else if (block instanceof Table t) {
                sb.append("<table>\n");
                for (int r = 0; r < t.rows().size(); r++) {
                    String cell = r == 0 ? "th" : "td";
                    sb.append("<tr>");
                    for (String c : t.rows().get(r)) {
                        sb.append('<').append(cell).append('>').append(xml(plain(c)));
                        sb.append("</").append(cell).append('>');
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (block instanceof PageBreak pb) sb.append("<hr>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** RTF 1.x with Unicode escapes; table rows become tab-separated lines, as many RTF exports write them. */
    static String rtf(SourceDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n{\\fonttbl{\\f0\\fswiss Arial;}}\n");
        sb.append("{\\info{\\title ")
                .append(rtfText(doc.title()))
                .append("}{\\author ")
                .append(rtfText(doc.author()))
                .append("}{\\creatim\\yr")
                .append(doc.created().getYear())
                .append("\\mo")
                .append(doc.created().getMonthValue())
                .append("\\dy")
                .append(doc.created().getDayOfMonth())
                .append("}}\n\\f0\\fs22\n");
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h)
                sb.append("\\pard\\sb120\\sa60{\\b\\fs28 ")
                        .append(rtfText(plain(h.text())))
                        .append("}\\par\n");
            else if (block instanceof Paragraph p)
                sb.append("\\pard\\sa120 ")
                        .append(String.join(
                                "\\line\n",
                                p.lines().stream().map(l -> rtfText(plain(l))).toList()))
                        .append("\\par\n");
            else if (block instanceof Table t) {
                for (List<String> row : t.rows()) {
                    sb.append("\\pard ")
                            .append(String.join(
                                    "\\tab ",
                                    row.stream().map(c -> rtfText(plain(c))).toList()))
                            .append("\\par\n");
                }
            } else if (block instanceof PageBreak pb) sb.append("\\page\n");
        }
        return sb.append("}\n").toString();
    }

    private static String rtfText(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || ch == '{' || ch == '}') {
                sb.append('\\').append(ch);
            } else if (ch < 128) {
                sb.append(ch);
            } else {
                sb.append("\\u").append((int) (short) ch).append('?');
            }
        }
        return sb.toString();
    }

    /** An OpenDocument text file: the zip layout and the XML written by hand (ODF 1.2). */
    static byte[] odt(SourceDocument doc) {
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";
        StringBuilder body = new StringBuilder();
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h)
                body.append("<text:h text:outline-level=\"")
                        .append(h.level())
                        .append("\">")
                        .append(xml(plain(h.text())))
                        .append("</text:h>");
            else if (block instanceof Paragraph p)
                body.append("<text:p>")
                        .append(String.join(
                                "<text:line-break/>",
                                p.lines().stream().map(l -> xml(plain(l))).toList()))
                        .append("</text:p>");
            else if (block instanceof Table t) {
                int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
                body.append("<table:table table:name=\"Tabell")
                        .append(body.length())
                        .append("\"><table:table-column table:number-columns-repeated=\"")
                        .append(columns)
                        .append("\"/>");
                for (List<String> row : t.rows()) {
                    body.append("<table:table-row>");
                    for (String c : row) {
                        body.append("<table:table-cell office:value-type=\"string\"><text:p>")
                                .append(xml(plain(c)))
                                .append("</text:p></table:table-cell>");
                    }
                    body.append("</table:table-row>");
                }
                body.append("</table:table>");
            } else if (block instanceof PageBreak pb) body.append("<text:soft-page-break/>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ns
                + " office:version=\"1.2\"><office:body><office:text>" + body
                + "</office:text></office:body></office:document-content>\n";
        String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " + ns
                + " office:version=\"1.2\"><office:meta><meta:generator>govgraph sample corpus</meta:generator>"
                + "<dc:title>" + xml(doc.title()) + "</dc:title><meta:initial-creator>" + xml(doc.author())
                + "</meta:initial-creator><dc:creator>" + xml(doc.author()) + "</dc:creator>"
                + "<meta:creation-date>" + doc.created() + "T09:00:00</meta:creation-date>"
                + "<dc:language>" + doc.language() + "</dc:language></office:meta></office:document-meta>\n";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>\n";
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", content.getBytes(StandardCharsets.UTF_8));
        entries.put("meta.xml", meta.getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        return Containers.zip(entries, doc.created(), "mimetype");
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
