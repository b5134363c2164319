package no.govgraph.neo4j;

/**
 * The one unchecked exception of the neo4j module: the graph could not be started, reached,
 * migrated or read. The message says what the user can do about it.
 */
public class GraphException extends RuntimeException {

    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
