package no.govgraph.ui.cypher;

import com.vaadin.flow.server.VaadinSession;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The queries run in this browser session, newest first, kept in the Vaadin session. */
final class QueryHistory {

    static final int MAX = 50;

    /**
     * One query run.
     *
     * @param summary what came of it ("12 rows in 5 ms" or the failure's title)
     */
    record Entry(String query, Map<String, String> parameters, LocalTime at, String summary, boolean failed) {
        Entry {
            parameters = Map.copyOf(parameters);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    static QueryHistory of(VaadinSession session) {
        QueryHistory history = session.getAttribute(QueryHistory.class);
        if (history == null) {
            history = new QueryHistory();
            session.setAttribute(QueryHistory.class, history);
        }
        return history;
    }

    synchronized void add(Entry entry) {
        entries.add(0, entry);
        if (entries.size() > MAX) {
            entries.remove(entries.size() - 1);
        }
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
