package no.govgraph.ingest.extraction;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.govgraph.neo4j.model.RelType;

/**
 * Facts of a whole corpus as the graph would hold them (one relationship per key, a leader's
 * background the one any document states), compared with the expected facts of the evaluation set.
 */
final class Evaluation {

    /** Precision, recall and F1 of one relation type. */
    record Score(RelType type, int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(
                    "%-14s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                    type, precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    private Evaluation() {}

    /** The comparable keys of the extracted facts, per relation type. */
    static Map<RelType, Set<String>> keys(List<Extraction> extractions) {
        Map<String, String> backgrounds = new TreeMap<>();
        for (Extraction e : extractions) {
            for (Entity entity : e.entities()) {
                if (entity.kind() == EntityKind.LEADER && entity.properties().containsKey("background")) {
                    backgrounds.put(
                            entity.id(), entity.properties().get("background").toString());
                }
            }
        }
        Map<RelType, Set<String>> keys = new LinkedHashMap<>();
        RelType.evidenced().forEach(t -> keys.put(t, new TreeSet<>()));
        for (Extraction e : extractions) {
            for (Fact f : e.facts()) {
                keys.get(f.type()).add(key(f, backgrounds));
            }
        }
        return keys;
    }

    static String key(Fact f, Map<String, String> backgrounds) {
        return switch (f.type()) {
            case LEADS -> f.subjectId() + "," + f.objectId() + "," + backgrounds.getOrDefault(f.subjectId(), "unknown");
            case ACHIEVED -> f.subjectId() + "," + f.objectId() + ","
                    + number(f.properties().get("value")) + "@" + f.period();
            default -> f.subjectId() + "," + f.objectId();
        };
    }

    static String number(Object value) {
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** The expected facts of the evaluation set ({@code evaluation/expected-facts.csv}), per type. */
    static Map<RelType, Set<String>> expected() throws java.io.IOException {
        Map<RelType, Set<String>> expected = new LinkedHashMap<>();
        RelType.evidenced().forEach(t -> expected.put(t, new TreeSet<>()));
        try (java.io.InputStream in = Evaluation.class.getResourceAsStream("/evaluation/expected-facts.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int comma = l.indexOf(',');
                expected.get(RelType.valueOf(l.substring(0, comma))).add(l.substring(comma + 1));
            }
        }
        return expected;
    }

    static Score score(RelType type, Set<String> expected, Set<String> actual) {
        int tp = (int) actual.stream().filter(expected::contains).count();
        return new Score(type, tp, actual.size() - tp, expected.size() - tp);
    }
}
