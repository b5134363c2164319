package no.govgraph.ingest.sample;

import static no.govgraph.ingest.sample.SourceDocument.plain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import no.govgraph.ingest.sample.SourceDocument.Block;
import no.govgraph.ingest.sample.SourceDocument.Heading;
import no.govgraph.ingest.sample.SourceDocument.Paragraph;
import no.govgraph.ingest.sample.SourceDocument.Table;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.CodePageUtil;

/**
 * Writes a Word 97–2003 binary document (.doc) from scratch: POI can read this format but not
 * create it, so the generator lays out the few structures a reader needs itself ([MS-DOC]): the
 * File Information Block, the text as one 8-bit (CP1252) piece, one character-formatting page, the
 * paragraph-formatting pages, a style sheet with the "Normal" style, a font table, one section and
 * the document properties, in an OLE2 container written by POI's POIFS. Paragraphs only: table
 * rows become tab-separated paragraphs, as in many converted documents.
 */
final class DocRenderer {

    private static final int TEXT_START = 0x400;
    private static final int PAGE = 512;
    private static final int PARAGRAPHS_PER_PAGE = 25;
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private DocRenderer() {}

    static byte[] render(SourceDocument doc) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h) {
                paragraphs.add(plain(h.text()));
            } else if (block instanceof Paragraph p) {
                p.lines().forEach(l -> paragraphs.add(plain(l)));
            } else if (block instanceof Table t) {
                t.rows()
                        .forEach(r -> paragraphs.add(String.join(
                                "\t", r.stream().map(SourceDocument::plain).toList())));
            }
        }
        byte[] text = encode(paragraphs);
        int ccpText = text.length;

        // WordDocument stream: FIB, text, CHPX page, PAPX pages.
        int afterText = TEXT_START + text.length;
        int chpPage = (afterText + PAGE - 1) / PAGE;
        List<int[]> paraBounds = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\r') {
                paraBounds.add(new int[] {TEXT_START + start, TEXT_START + i + 1});
                start = i + 1;
            }
        }
        int papPages = (paraBounds.size() + PARAGRAPHS_PER_PAGE - 1) / PARAGRAPHS_PER_PAGE;
        int firstPapPage = chpPage + 1;
        ByteBuffer word = le((firstPapPage + papPages) * PAGE);
        word.position(TEXT_START);
        word.put(text);
        chpxPage(word, chpPage * PAGE, TEXT_START, afterText);
        for (int p = 0; p < papPages; p++) {
            List<int[]> slice = paraBounds.subList(
                    p * PARAGRAPHS_PER_PAGE, Math.min(paraBounds.size(), (p + 1) * PARAGRAPHS_PER_PAGE));
            papxPage(word, (firstPapPage + p) * PAGE, slice);
        }

        // Table stream (1Table).
        ByteBuffer table = le(4096);
        int fcStshf = table.position();
        styleSheet(table);
        int lcbStshf = table.position() - fcStshf;
        int fcSed = table.position();
        table.putInt(0).putInt(ccpText);
        table.putShort((short) 0).putInt(0xFFFFFFFF).putShort((short) 0).putInt(0);
        int lcbSed = table.position() - fcSed;
        int fcChp = table.position();
        table.putInt(TEXT_START).putInt(afterText).putInt(chpPage);
        int lcbChp = table.position() - fcChp;
        int fcPap = table.position();
        for (int p = 0; p < papPages; p++) {
            table.putInt(paraBounds.get(p * PARAGRAPHS_PER_PAGE)[0]);
        }
        table.putInt(afterText);
        for (int p = 0; p < papPages; p++) {
            table.putInt(firstPapPage + p);
        }
        int lcbPap = table.position() - fcPap;
        int fcFfn = table.position();
        fontTable(table);
        int lcbFfn = table.position() - fcFfn;
        int fcClx = table.position();
        table.put((byte) 2).putInt(16).putInt(0).putInt(ccpText);
        table.putShort((short) 0).putInt((TEXT_START * 2) | 0x40000000).putShort((short) 0);
        int lcbClx = table.position() - fcClx;
        int fcDop = table.position();
        int lcbDop = 544;
        table.position(fcDop + lcbDop);
        byte[] tableBytes = new byte[table.position()];
        table.rewind();
        table.get(tableBytes);

        fib(word, word.capacity(), ccpText, new int[][] {
            {1, fcStshf, lcbStshf},
            {6, fcSed, lcbSed},
            {12, fcChp, lcbChp},
            {13, fcPap, lcbPap},
            {15, fcFfn, lcbFfn},
            {31, fcDop, lcbDop},
            {33, fcClx, lcbClx}
        });

        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(word.array()), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(tableBytes), "1Table");
            SummaryInformation si = PropertySetFactory.newSummaryInformation();
            si.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
            si.setTitle(doc.title());
            si.setAuthor(doc.author());
            si.setApplicationName("govgraph sample corpus");
            si.write(fs.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (org.apache.poi.hpsf.WritingNotSupportedException e) {
            throw new IOException(e);
        }
    }

    private static byte[] encode(List<String> paragraphs) {
        CharsetEncoder encoder = CP1252.newEncoder();
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            for (char c : p.toCharArray()) {
                sb.append(encoder.canEncode(c) ? c : '?');
            }
            sb.append('\r');
        }
        return sb.toString().getBytes(CP1252);
    }

    /** The File Information Block of Word 97 (nFib 0x00C1) with the given (index, fc, lcb) pairs. */
    private static void fib(ByteBuffer word, int cbMac, int ccpText, int[][] pairs) {
        word.position(0);
        word.putShort((short) 0xA5EC); // wIdent
        word.putShort((short) 0x00C1); // nFib: Word 97
        word.putShort((short) 0);
        word.putShort((short) 0x0414); // lid: Norwegian (bokmål)
        word.putShort((short) 0); // pnNext
        word.putShort((short) 0x1200); // fWhichTblStm (1Table), fExtChar
        word.putShort((short) 0x00BF); // nFibBack
        word.putInt(0); // lKey
        word.put((byte) 0).put((byte) 0);
        word.putShort((short) 0).putShort((short) 0).putInt(0).putInt(0);
        word.putShort((short) 14); // csw
        word.position(word.position() + 28); // fibRgW97
        word.putShort((short) 22); // cslw
        int rgLw = word.position();
        word.putInt(rgLw, cbMac);
        word.putInt(rgLw + 12, ccpText);
        word.position(rgLw + 88);
        word.putShort((short) 0x5D); // cbRgFcLcb
        int rgFcLcb = word.position();
        for (int[] pair : pairs) {
            word.putInt(rgFcLcb + pair[0] * 8, pair[1]);
            word.putInt(rgFcLcb + pair[0] * 8 + 4, pair[2]);
        }
        word.position(rgFcLcb + 0x5D * 8);
        word.putShort((short) 0); // cswNew
    }

    /** One run of default character formatting over the whole text. */
    private static void chpxPage(ByteBuffer word, int offset, int fcStart, int fcEnd) {
        word.putInt(offset, fcStart);
        word.putInt(offset + 4, fcEnd);
        word.put(offset + 8, (byte) 0); // no CHPX: default properties
        word.put(offset + PAGE - 1, (byte) 1); // crun
    }

    /** One entry per paragraph, all pointing at a PAPX with style 0 ("Normal") and no properties. */
    private static void papxPage(ByteBuffer word, int offset, List<int[]> paragraphs) {
        int n = paragraphs.size();
        int papx = 480;
        for (int i = 0; i < n; i++) {
            word.putInt(offset + i * 4, paragraphs.get(i)[0]);
        }
        word.putInt(offset + n * 4, paragraphs.get(n - 1)[1]);
        int bx = offset + (n + 1) * 4;
        for (int i = 0; i < n; i++) {
            word.put(bx + i * 13, (byte) (papx / 2));
        }
        // PapxInFkp: cb = 0, cb' = 1 (two bytes follow), istd = 0.
        word.put(offset + papx, (byte) 0);
        word.put(offset + papx + 1, (byte) 1);
        word.putShort(offset + papx + 2, (short) 0);
        word.put(offset + PAGE - 1, (byte) n);
    }

    /** A style sheet with one paragraph style, "Normal". */
    private static void styleSheet(ByteBuffer t) {
        t.putShort((short) 18); // cbStshi
        t.putShort((short) 1); // cstd
        t.putShort((short) 10); // cbSTDBaseInFile
        t.putShort((short) 1); // fStdStylenamesWritten
        t.putShort((short) 0x5B); // stiMaxWhenSaved
        t.putShort((short) 0x0F); // istdMaxFixedWhenSaved
        t.putShort((short) 0); // nVerBuiltInNamesWhenSaved
        t.putShort((short) 0).putShort((short) 0).putShort((short) 0); // ftcAsci, ftcFE, ftcOther
        String name = "Normal";
        int size = 10 + 2 + name.length() * 2 + 2 + 4 + 2;
        t.putShort((short) size); // cbStd
        t.putShort((short) 0); // sti 0 (Normal)
        t.putShort((short) ((0xFFF << 4) | 1)); // stk paragraph, istdBase none
        t.putShort((short) 2); // cupx 2, istdNext 0
        t.putShort((short) size); // bchUpe
        t.putShort((short) 0); // grfstd
        t.putShort((short) name.length());
        for (char c : name.toCharArray()) {
            t.putShort((short) c);
        }
        t.putShort((short) 0);
        t.putShort((short) 2).putShort((short) 0); // UPX PAPX: istd 0
        t.putShort((short) 0); // UPX CHPX: empty
    }

    /** A font table with Times New Roman. */
    private static void fontTable(ByteBuffer t) {
        String name = "Times New Roman";
        int size = 40 + (name.length() + 1) * 2;
        t.putShort((short) 1).putShort((short) 0); // cData, cbExtra
        t.put((byte) (size - 1));
        t.put((byte) 0x16); // TrueType, roman family
        t.putShort((short) 400);
        t.put((byte) 0).put((byte) 0);
        t.position(t.position() + 10 + 24); // panose, font signature
        for (char c : name.toCharArray()) {
            t.putShort((short) c);
        }
        t.putShort((short) 0);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
