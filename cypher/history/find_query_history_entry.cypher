// One history entry, only when it belongs to the caller asking.
// Parameters: $id, $caller
// Returns: id, query, libraryQuery, parameters (JSON object text), ranAt, outcome, rows, elapsedMs
MATCH (h:QueryHistory {id: $id, caller: $caller})
RETURN h.id AS id, h.query AS query, h.libraryQuery AS libraryQuery, h.parameters AS parameters, h.ranAt AS ranAt,
       h.outcome AS outcome, h.rows AS rows, h.elapsedMs AS elapsedMs
