// The checksum a schema migration was applied with, if it was.
// Parameters: $version. Returns: checksum
MATCH (m:ProvenantMigration {version: $version})
RETURN m.checksum AS checksum
