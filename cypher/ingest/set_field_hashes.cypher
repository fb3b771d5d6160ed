// Remembers, per dataset, the hash of the last field set written for it (after merge_fields), so that
// later events repeating that set skip their field rows.
// Parameters: $rows (list of {namespace, name, hash})
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
SET d.fieldsHash = row.hash
