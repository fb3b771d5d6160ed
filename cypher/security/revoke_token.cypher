// Revokes a token; revoking it again keeps the first revocation's time and author.
// Parameters: $id, $revokedAt, $revokedBy (token id of the admin)
// Returns: hash (to drop it from the authentication cache), revokedAt; no row when the id is unknown
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $revokedAt), t.revokedBy = coalesce(t.revokedBy, $revokedBy)
RETURN t.hash AS hash, t.revokedAt AS revokedAt
