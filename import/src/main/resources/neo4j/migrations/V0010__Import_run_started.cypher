// The latest import runs are listed newest first (status, the import page).
CREATE INDEX import_run_started IF NOT EXISTS FOR (r:ImportRun) ON (r.startedAt);
