// Symlinked identities (symlinks facet) of a dataset; each points at exactly one :Dataset.
CREATE CONSTRAINT dataset_alias_key IF NOT EXISTS FOR (a:DatasetAlias) REQUIRE (a.namespace, a.name) IS UNIQUE
