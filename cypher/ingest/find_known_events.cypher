// Which of these event hashes are already stored (duplicates are answered, not written again).
// Parameters: $hashes (list of SHA-256 hex strings). Returns: hash, seq
UNWIND $hashes AS hash
MATCH (e:Event {hash: hash})
RETURN e.hash AS hash, e.seq AS seq
