package no.govgraph.ingest.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip archives and mail messages with fixed timestamps and boundaries, so the bytes never change. */
final class Containers {

    private Containers() {}

    /**
     * A zip of the entries in order, every entry dated {@code date} at noon (local DOS time, so the
     * machine's time zone does not matter); {@code stored} names an entry kept uncompressed (ODF
     * wants its mimetype first and stored).
     */
    static byte[] zip(Map<String, byte[]> entries, LocalDate date, String stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(date.atTime(12, 0));
                if (e.getKey().equals(stored)) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Rewrites a zip written by a library (POI) with the same entries in the same order, dated {@code date}. */
    static byte[] normalizeZip(byte[] zipBytes, LocalDate date) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(entries, date, null);
    }

    /** A MIME message: a UTF-8 text body and, if any, attachments in base64 (multipart/mixed). */
    static byte[] mail(SourceDocument doc, String body, Map<String, byte[]> attachments) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> h = doc.mail();
        sb.append("From: ").append(h.getOrDefault("from", doc.author())).append("\r\n");
        sb.append("To: ").append(h.getOrDefault("to", "")).append("\r\n");
        sb.append("Subject: ")
                .append(encodedWord(h.getOrDefault("subject", doc.title())))
                .append("\r\n");
        sb.append("Date: ").append(h.getOrDefault("date", "")).append("\r\n");
        sb.append("Message-ID: <").append(doc.file()).append("@sample.govgraph.invalid>\r\n");
        sb.append("MIME-Version: 1.0\r\n");
        String boundary = "=_govgraph_sample_boundary";
        if (!attachments.isEmpty()) {
            sb.append("Content-Type: multipart/mixed; boundary=\"")
                    .append(boundary)
                    .append("\"\r\n\r\n");
            sb.append("--").append(boundary).append("\r\n");
        }
        sb.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        sb.append(body.replace("\n", "\r\n"));
        for (var a : attachments.entrySet()) {
            sb.append("\r\n--").append(boundary).append("\r\n");
            sb.append("Content-Type: ").append(mediaType(a.getKey())).append("; name=\"");
            sb.append(a.getKey()).append("\"\r\n");
            sb.append("Content-Disposition: attachment; filename=\"")
                    .append(a.getKey())
                    .append("\"\r\n");
            sb.append("Content-Transfer-Encoding: base64\r\n\r\n");
            sb.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(a.getValue()));
            sb.append("\r\n");
        }
        if (!attachments.isEmpty()) {
            sb.append("--").append(boundary).append("--\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encodedWord(String s) {
        if (s.chars().allMatch(c -> c < 128)) {
            return s;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String mediaType(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return switch (ext) {
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "doc" -> "application/msword";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "rtf" -> "application/rtf";
            case "html" -> "text/html";
            default -> "application/octet-stream";
        };
    }
}
