/**
 * Extraction: finds offices, partners, leaders, management tools and outcomes in a document's
 * passages, and the relationships between them, each backed by evidence. The records here are the
 * contract between the import pipeline (which parses, splits and writes) and the extractor.
 */
package no.govgraph.ingest.extraction;
