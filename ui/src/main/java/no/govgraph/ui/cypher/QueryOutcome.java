package no.govgraph.ui.cypher;

import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.backend.support.BackendException;

/** What running a query gave: a result, or a failure the workbench shows next to the query. */
sealed interface QueryOutcome {

    /** The query ran. */
    record Ran(CypherResult result) implements QueryOutcome {}

    /** The query did not run or was stopped; {@code message} says why in the backend's words. */
    record Failed(Kind kind, String message) implements QueryOutcome {}

    /** Why a query failed, as the workbench distinguishes it. */
    enum Kind {
        REFUSED("Refused"),
        INVALID("Not valid Cypher"),
        TIMEOUT("Stopped"),
        ERROR("Failed");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }

        static Kind of(RuntimeException e) {
            if (e instanceof BackendException b) {
                return switch (b.reason()) {
                    case REFUSED, FORBIDDEN -> REFUSED;
                    case BAD_REQUEST -> INVALID;
                    case TIMEOUT -> TIMEOUT;
                    default -> ERROR;
                };
            }
            return ERROR;
        }
    }
}
