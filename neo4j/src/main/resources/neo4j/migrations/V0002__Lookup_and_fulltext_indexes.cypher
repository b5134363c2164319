// Lookups the application makes often: evidence of one relationship, documents by kind and year, offices by unit.
CREATE INDEX claim_relationship IF NOT EXISTS FOR (c:Claim) ON (c.type, c.subjectId, c.objectId);
CREATE INDEX claim_document IF NOT EXISTS FOR (c:Claim) ON (c.documentId);
CREATE INDEX document_kind IF NOT EXISTS FOR (d:Document) ON (d.kind);
CREATE INDEX document_complete IF NOT EXISTS FOR (d:Document) ON (d.complete);
CREATE INDEX office_unit_number IF NOT EXISTS FOR (o:Office) ON (o.unitNumber);
CREATE INDEX import_failure_sha256 IF NOT EXISTS FOR (f:ImportFailure) ON (f.sha256);
// Full-text search over passages and over entity names and aliases.
CREATE FULLTEXT INDEX passage_text IF NOT EXISTS FOR (p:Passage) ON EACH [p.text];
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Office|Partner|Leader|Tool|Outcome) ON EACH [n.name, n.aliases];
