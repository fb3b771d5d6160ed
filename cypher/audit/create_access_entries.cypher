// Appends entries to the hash-chained access log. Nothing ever updates or deletes them.
// Parameters: $rows (list of {seq, hash, prevHash, chainHash, at (datetime), method, path, route, query, status,
//   callerId, callerName, role, client, durationMs})
// Returns: nothing
UNWIND $rows AS row
CREATE (a:AccessLogEntry)
SET a = row
