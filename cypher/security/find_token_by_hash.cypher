// The token whose secret hashes to $hash, for authenticating a request.
// Parameters: $hash (hex SHA-256 of the presented secret)
// Returns: id, name, role, expiresAt (null: never), revokedAt (null: not revoked)
MATCH (t:ApiToken {hash: $hash})
RETURN t.id AS id, t.name AS name, t.role AS role, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt
