package no.govgraph.backend.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/** Driver values as plain Java for JSON: numbers, strings, booleans, lists, maps; dates as ISO text. */
public final class GraphValues {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private GraphValues() {}

    /** A map value (node or relationship properties) with keys in order. */
    public static Map<String, Object> properties(Value map) {
        Map<String, Object> out = new TreeMap<>();
        if (map == null || map.isNull()) {
            return out;
        }
        for (String key : map.keys()) {
            out.put(key, plain(map.get(key)));
        }
        return out;
    }

    public static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>();
            v.values().forEach(x -> list.add(plain(x)));
            return list;
        }
        if (v.hasType(TYPES.MAP())) {
            return properties(v);
        }
        if (v.hasType(TYPES.INTEGER())) {
            return v.asLong();
        }
        if (v.hasType(TYPES.FLOAT())) {
            return v.asDouble();
        }
        if (v.hasType(TYPES.BOOLEAN())) {
            return v.asBoolean();
        }
        if (v.hasType(TYPES.STRING())) {
            return v.asString();
        }
        return v.asObject().toString();
    }

    /** A value as text (numbers and dates too), or null. */
    public static String text(Value v) {
        return v == null || v.isNull() ? null : v.hasType(TYPES.STRING()) ? v.asString() : String.valueOf(plain(v));
    }
}
