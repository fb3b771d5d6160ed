// Creates or updates jobs with their facets (one property per facet, raw JSON); searchText is
// the name split at . _ : / - for full-text search (same rule as schema V014).
// Parameters: $rows (list of {namespace, name, facets, eventTime})
UNWIND $rows AS row
MERGE (j:Job {namespace: row.namespace, name: row.name})
ON CREATE SET j.firstSeen = row.eventTime
SET j += row.facets,
    j.searchText = replace(replace(replace(replace(replace(row.name, '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' '),
    j.firstSeen = CASE WHEN j.firstSeen IS NULL OR row.eventTime < j.firstSeen THEN row.eventTime ELSE j.firstSeen END,
    j.lastSeen = CASE WHEN j.lastSeen IS NULL OR row.eventTime > j.lastSeen THEN row.eventTime ELSE j.lastSeen END
