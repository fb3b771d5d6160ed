// Deletes a caller's history entries beyond the newest $keep.
// Parameters: $caller, $keep
// Returns: nothing
MATCH (h:QueryHistory {caller: $caller})
WITH h ORDER BY h.ranAt DESC, h.id DESC
SKIP $keep
DELETE h
