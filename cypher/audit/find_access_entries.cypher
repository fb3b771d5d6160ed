// A page of the access log in seq order, within a time range, for admins and exports.
// Parameters: $from, $to (datetimes; null: open), $afterSeq (entries after this seq), $limit
// Returns: seq, hash, prevHash, chainHash, at, method, path, route, query, status, callerId, callerName, role,
//   client, durationMs
MATCH (a:AccessLogEntry)
WHERE a.seq > $afterSeq
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
RETURN a.seq AS seq, a.hash AS hash, a.prevHash AS prevHash, a.chainHash AS chainHash, a.at AS at,
       a.method AS method, a.path AS path, a.route AS route, a.query AS query, a.status AS status,
       a.callerId AS callerId, a.callerName AS callerName, a.role AS role, a.client AS client,
       a.durationMs AS durationMs
ORDER BY a.seq
LIMIT $limit
