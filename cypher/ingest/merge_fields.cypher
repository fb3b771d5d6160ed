// Creates or updates fields; top-level fields hang below their dataset, nested ones below their
// parent field. Rows list parents before children.
// Parameters: $rows (list of {namespace, dataset, path, parentPath, name, type, description, eventTime})
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.dataset})
MERGE (f:Field {namespace: row.namespace, dataset: row.dataset, path: row.path})
ON CREATE SET f.name = row.name, f.firstSeen = row.eventTime
SET f.type = coalesce(row.type, f.type),
    f.description = coalesce(row.description, f.description),
    f.lastSeen = CASE WHEN f.lastSeen IS NULL OR row.eventTime > f.lastSeen THEN row.eventTime ELSE f.lastSeen END
WITH d, f, row
OPTIONAL MATCH (parent:Field {namespace: row.namespace, dataset: row.dataset, path: row.parentPath})
WITH f, coalesce(parent, d) AS owner
MERGE (owner)-[:HAS_FIELD]->(f)
