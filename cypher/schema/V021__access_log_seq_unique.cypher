// The access log is a hash chain ordered by seq: one entry per position.
CREATE CONSTRAINT access_log_seq IF NOT EXISTS FOR (a:AccessLogEntry) REQUIRE a.seq IS UNIQUE
