// Admins read and export the access log by time range.
CREATE INDEX access_log_at IF NOT EXISTS FOR (a:AccessLogEntry) ON (a.at)
