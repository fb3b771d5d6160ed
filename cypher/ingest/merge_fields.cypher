// Creates or updates fields; top-level fields hang below their dataset, nested ones below their
// parent field. Rows list parents before children. A row without parent (a field only column lineage
// names) does not re-attach a field that already hangs below a parent. searchText is the path split at
// . _ : / - for full-text search (same rule as schema V014). Only the rows of field sets that changed
// arrive here (see resolve_dataset_keys); fields carry no first/last-seen times, their dataset does.
// Parameters: $rows (list of {namespace, dataset, path, parentPath, name, type, description})
// Returns: namespace, name of the datasets that got a new field (for PII updates)
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.dataset})
OPTIONAL MATCH (known:Field {namespace: row.namespace, dataset: row.dataset, path: row.path})
WITH d, row, known IS NULL AS isNew
MERGE (f:Field {namespace: row.namespace, dataset: row.dataset, path: row.path})
ON CREATE SET f.name = row.name
SET f.type = coalesce(row.type, f.type),
    f.searchText = replace(replace(replace(replace(replace(row.path, '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' '),
    f.description = coalesce(row.description, f.description)
WITH d, f, row, isNew
OPTIONAL MATCH (parent:Field {namespace: row.namespace, dataset: row.dataset, path: row.parentPath})
CALL {
  WITH d, f, parent
  WITH d, f, parent
  WHERE parent IS NOT NULL
  MERGE (parent)-[:HAS_FIELD]->(f)
  WITH d, f
  OPTIONAL MATCH (d)-[stray:HAS_FIELD]->(f)
  DELETE stray
}
CALL {
  WITH d, f, parent
  WITH d, f
  WHERE parent IS NULL AND NOT ()-[:HAS_FIELD]->(f)
  MERGE (d)-[:HAS_FIELD]->(f)
}
WITH d, isNew
WHERE isNew
RETURN DISTINCT d.namespace AS namespace, d.name AS name
