// A run is identified by its runId.
CREATE CONSTRAINT run_key IF NOT EXISTS FOR (r:Run) REQUIRE r.runId IS UNIQUE
