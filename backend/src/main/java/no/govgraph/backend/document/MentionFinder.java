package no.govgraph.backend.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import no.govgraph.backend.document.DocumentDetails.Mention;

/** Finds where a passage names the entities it mentions (by name or alias, any case, whole words). */
final class MentionFinder {

    /** An entity a passage mentions, with the names to look for. */
    record Named(String id, String label, List<String> names) {}

    private MentionFinder() {}

    static List<Mention> find(String text, List<Named> entities) {
        List<Mention> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Named e : entities) {
            boolean any = false;
            List<String> names = e.names().stream()
                    .filter(n -> n != null && !n.isBlank())
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String name : names) {
                String needle = name.toLowerCase(Locale.ROOT);
                // Lower-casing can change lengths for a few scripts; then offsets would be wrong.
                if (needle.length() != name.length() || lower.length() != text.length()) {
                    continue;
                }
                int from = 0;
                while ((from = lower.indexOf(needle, from)) >= 0) {
                    int end = from + needle.length();
                    if (boundary(lower, from - 1) && boundary(lower, end) && !overlaps(found, from, end)) {
                        found.add(new Mention(from, end, e.id(), e.label()));
                        any = true;
                    }
                    from = end;
                }
            }
            if (!any) {
                found.add(new Mention(0, 0, e.id(), e.label()));
            }
        }
        found.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return found;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private static boolean overlaps(List<Mention> found, int start, int end) {
        return found.stream().anyMatch(m -> m.end() > m.start() && start < m.end() && end > m.start());
    }
}
