/** The data-quality report over the graph: what a researcher should check before trusting it. */
package no.govgraph.ingest.quality;
