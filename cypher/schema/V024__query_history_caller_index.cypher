// The Cypher page lists a caller's own query history, newest first, and prunes it to the newest 50.
CREATE INDEX query_history_caller_ran_at IF NOT EXISTS FOR (h:QueryHistory) ON (h.caller, h.ranAt)
