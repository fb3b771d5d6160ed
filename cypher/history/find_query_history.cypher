// A caller's own history, newest first.
// Parameters: $caller, $limit
// Returns: id, query, libraryQuery, parameters (JSON object text), ranAt, outcome, rows, elapsedMs
MATCH (h:QueryHistory {caller: $caller})
RETURN h.id AS id, h.query AS query, h.libraryQuery AS libraryQuery, h.parameters AS parameters, h.ranAt AS ranAt,
       h.outcome AS outcome, h.rows AS rows, h.elapsedMs AS elapsedMs
ORDER BY h.ranAt DESC, h.id DESC
LIMIT $limit
