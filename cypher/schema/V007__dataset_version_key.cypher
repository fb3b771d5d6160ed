// A version of a dataset, as read or written by a run.
CREATE CONSTRAINT dataset_version_key IF NOT EXISTS FOR (v:DatasetVersion) REQUIRE (v.namespace, v.name, v.version) IS UNIQUE
