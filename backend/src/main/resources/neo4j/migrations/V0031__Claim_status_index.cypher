// Lets the neighbourhood know in one index lookup whether any claim was rejected by a curator: if
// none was, no relationship has lost its evidence and degrees can be counted from relationship
// records alone (GraphRepository.degrees).
CREATE INDEX claim_status IF NOT EXISTS FOR (c:Claim) ON (c.status);
