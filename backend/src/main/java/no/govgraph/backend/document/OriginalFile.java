package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A document's original file and the headers that let a browser download it safely: always as an
 * attachment, with a content type that cannot run in the page (HTML, SVG, XML, scripts become
 * {@code application/octet-stream}) and a file name encoded per RFC 6266.
 *
 * @param path where it is
 * @param fileName its name as imported
 * @param mediaType the type detected at import
 */
public record OriginalFile(Path path, String fileName, @Nullable String mediaType) {

    /** Types that browsers show without running anything. */
    private static final Map<String, String> SAFE_TYPES = Map.ofEntries(
            Map.entry("application/pdf", "application/pdf"),
            Map.entry("text/plain", "text/plain; charset=UTF-8"),
            Map.entry("text/csv", "text/csv; charset=UTF-8"),
            Map.entry("application/msword", "application/msword"),
            Map.entry(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry(
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("application/vnd.ms-excel", "application/vnd.ms-excel"),
            Map.entry("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"),
            Map.entry(
                    "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("application/rtf", "application/rtf"),
            Map.entry("application/zip", "application/zip"),
            Map.entry("message/rfc822", "message/rfc822"),
            Map.entry("application/vnd.ms-outlook", "application/vnd.ms-outlook"),
            Map.entry("image/png", "image/png"),
            Map.entry("image/jpeg", "image/jpeg"),
            Map.entry("image/gif", "image/gif"),
            Map.entry("image/tiff", "image/tiff"));

    /** The Content-Type to send. */
    public String contentType() {
        String base = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return SAFE_TYPES.getOrDefault(base, "application/octet-stream");
    }

    /** The Content-Disposition to send: an attachment with an ASCII fallback name and the UTF-8 name. */
    public String contentDisposition() {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
