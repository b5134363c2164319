package no.govgraph.backend.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders rows as an aligned text table or as RFC 4180 CSV. */
final class CliTables {

    private static final int MAX_CELL = 60;

    private CliTables() {}

    static String table(List<String> columns, List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        rows.forEach(row -> cells.add(row.stream().map(v -> clip(text(v))).toList()));
        int[] widths = new int[columns.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : " | ").append(pad(row.get(i), widths[i]));
            }
            sb.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    sb.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(CliTables::csvField).toList()))
                .append("\r\n");
        for (List<Object> row : rows) {
            sb.append(String.join(",", row.stream().map(v -> csvField(text(v))).toList()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map && map.containsKey("properties")) {
            return String.valueOf(map.get("properties"));
        }
        return String.valueOf(value);
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String clip(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > MAX_CELL ? oneLine.substring(0, MAX_CELL - 1) + "…" : oneLine;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
