// Access log entries whose path or query string contains any of the given strings, in seq order: the
// extract of an audit package. Scans the access log.
// Parameters: $needles (list of strings), $limit
// Returns: seq, hash, prevHash, chainHash, at, method, path, route, query, status, callerId, callerName, role,
//   client, durationMs
MATCH (a:AccessLogEntry)
WHERE any(n IN $needles WHERE a.path CONTAINS n OR coalesce(a.query, '') CONTAINS n)
RETURN a.seq AS seq, a.hash AS hash, a.prevHash AS prevHash, a.chainHash AS chainHash, a.at AS at,
       a.method AS method, a.path AS path, a.route AS route, a.query AS query, a.status AS status,
       a.callerId AS callerId, a.callerName AS callerName, a.role AS role, a.client AS client,
       a.durationMs AS durationMs
ORDER BY a.seq
LIMIT $limit
