// A page of the access log newest first, for the admin page, optionally filtered.
// Parameters: $beforeSeq (entries before this seq; null: from the newest), $from, $to (datetimes; null: open),
//   $caller (text contained in callerId or callerName; null: any), $path (text contained in the path; null: any),
//   $status (exact HTTP status; null: any), $limit
// Returns: seq, hash, prevHash, chainHash, at, method, path, route, query, status, callerId, callerName, role,
//   client, durationMs, detail
MATCH (a:AccessLogEntry)
WHERE ($beforeSeq IS NULL OR a.seq < $beforeSeq)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
  AND ($caller IS NULL OR a.callerId CONTAINS $caller OR a.callerName CONTAINS $caller)
  AND ($path IS NULL OR a.path CONTAINS $path)
  AND ($status IS NULL OR a.status = $status)
RETURN a.seq AS seq, a.hash AS hash, a.prevHash AS prevHash, a.chainHash AS chainHash, a.at AS at,
       a.method AS method, a.path AS path, a.route AS route, a.query AS query, a.status AS status,
       a.callerId AS callerId, a.callerName AS callerName, a.role AS role, a.client AS client,
       a.durationMs AS durationMs, a.detail AS detail
ORDER BY a.seq DESC
LIMIT $limit
