package no.govgraph.ui.cypher;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a result value into the short text a table cell shows: nodes as {@code (:Label {…})}. */
final class CellText {

    private CellText() {}

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("labels") && map.containsKey("properties")) {
                return "(" + labels(map.get("labels")) + " " + properties(map.get("properties")) + ")";
            }
            if (map.containsKey("type") && map.containsKey("start") && map.containsKey("properties")) {
                return "[:" + map.get("type") + " " + properties(map.get("properties")) + "]";
            }
            if (map.containsKey("nodes") && map.containsKey("relationships")) {
                return "path of " + ((List<?>) map.get("relationships")).size() + " relationships";
            }
            return properties(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CellText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String labels(Object labels) {
        return labels instanceof List<?> list ? list.stream().map(l -> ":" + l).collect(Collectors.joining()) : "";
    }

    private static String properties(Object properties) {
        if (!(properties instanceof Map<?, ?> map)) {
            return "{}";
        }
        return map.entrySet().stream()
                .map(e -> e.getKey() + ": " + quoted(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : of(v);
    }

    /** A comparable key for sorting a column: numbers by value, everything else by its text. */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return of(a).compareToIgnoreCase(of(b));
    }
}
