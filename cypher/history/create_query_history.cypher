// Records one analyst query in its caller's history.
// Parameters: $id, $caller (the caller's name), $callerId (token id), $query (ad-hoc text or null),
//   $libraryQuery (library id or null), $parameters (JSON object text), $ranAt (datetime), $outcome (ok or the
//   error code), $rows, $elapsedMs
// Returns: nothing
CREATE (h:QueryHistory {id: $id, caller: $caller, callerId: $callerId, ranAt: $ranAt, outcome: $outcome,
                        parameters: $parameters, rows: $rows, elapsedMs: $elapsedMs})
SET h.query = $query, h.libraryQuery = $libraryQuery
