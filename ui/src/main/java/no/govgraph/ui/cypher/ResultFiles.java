package no.govgraph.ui.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.CypherResult;

/** A query result as the files analysts download: RFC 4180 CSV and a JSON array of objects. */
final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFiles() {}

    static String csv(CypherResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(new ArrayList<>(result.columns())));
        for (List<Object> row : result.rows()) {
            sb.append(line(row.stream().map(CellText::of).toList()));
        }
        return sb.toString();
    }

    private static String line(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            out.add(field(f));
        }
        return String.join(",", out) + "\r\n";
    }

    private static String field(String value) {
        String s = value;
        // A cell that a spreadsheet would run as a formula is prefixed, so opening the file is safe.
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String json(CypherResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                object.put(result.columns().get(i), row.get(i));
            }
            rows.add(object);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The result cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
