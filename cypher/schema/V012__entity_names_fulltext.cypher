// Search over the names of datasets, fields and jobs.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Dataset|Field|Job) ON EACH [n.name, n.namespace, n.path]
