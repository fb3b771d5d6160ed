// Each applied schema migration is recorded once.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:ProvenantMigration) REQUIRE m.version IS UNIQUE
