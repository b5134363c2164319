package no.govgraph.backend.export;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180, CRLF line ends) for spreadsheets. A cell that a spreadsheet would read as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return at the start) gets a leading
 * apostrophe, so a document's text cannot run in an analyst's Excel; numbers stay numbers.
 */
final class Csv {

    private Csv() {}

    static String of(List<String> columns, List<? extends List<?>> rows, JsonMapper json) {
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(c -> (Object) c).toList(), json);
        for (List<?> row : rows) {
            line(out, row, json);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells, JsonMapper json) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i), json));
        }
        out.append("\r\n");
    }

    static String cell(Object value, JsonMapper json) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text;
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                text = json.writeValueAsString(value);
            } catch (IOException e) {
                text = value.toString();
            }
        } else {
            text = value.toString();
        }
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || text.startsWith(" ")
                || text.endsWith(" ");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
