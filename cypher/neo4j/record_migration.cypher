// Records that a schema migration was applied.
// Parameters: $version, $name, $checksum (SHA-256 of the statement text)
MERGE (m:ProvenantMigration {version: $version})
ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()
