/**
 * The graph layer of govgraph: where Neo4j runs (embedded or external), how the application
 * connects to it (always the Java driver over Bolt), its schema (versioned migrations) and the
 * names of the public data model.
 */
package no.govgraph.neo4j;
