// Stores a new API token. Only the SHA-256 of its secret is kept; the secret itself is shown once.
// Parameters: $id, $name, $role, $hash (hex SHA-256 of the secret), $createdAt, $createdBy (token id of the
//   admin who created it), $expiresAt (datetime, or null for no expiry)
// Returns: nothing
CREATE (t:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt, createdBy: $createdBy})
SET t.expiresAt = $expiresAt
