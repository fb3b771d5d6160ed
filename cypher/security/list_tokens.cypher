// Every API token, revoked ones included, without their hashes.
// Parameters: none
// Returns: id, name, role, createdAt, createdBy, expiresAt, revokedAt, revokedBy
MATCH (t:ApiToken)
RETURN t.id AS id, t.name AS name, t.role AS role, t.createdAt AS createdAt, t.createdBy AS createdBy,
       t.expiresAt AS expiresAt, t.revokedAt AS revokedAt, t.revokedBy AS revokedBy
ORDER BY t.createdAt, t.id
