// Creates or updates datasets with their facets, model/feature labels and symlinked aliases. An alias
// already pointing at another dataset keeps pointing there. searchText is the name split at . _ : / -
// for full-text search (same rule as schema V014).
// Parameters: $rows (list of {namespace, name, facets, eventTime, isModel, isFeature, aliases:[{namespace, name, type}]})
// Returns: namespace, name of the datasets whose tags facet (PII declarations) changed
UNWIND $rows AS row
MERGE (d:Dataset {namespace: row.namespace, name: row.name})
ON CREATE SET d.firstSeen = row.eventTime
WITH d, row, d.`facet.tags` AS tagsBefore
SET d += row.facets,
    d.searchText = replace(replace(replace(replace(replace(row.name, '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' '),
    d.firstSeen = CASE WHEN row.eventTime < d.firstSeen THEN row.eventTime ELSE d.firstSeen END,
    d.lastSeen = CASE WHEN d.lastSeen IS NULL OR row.eventTime > d.lastSeen THEN row.eventTime ELSE d.lastSeen END
FOREACH (_ IN CASE WHEN row.isModel THEN [1] ELSE [] END | SET d:Model)
FOREACH (_ IN CASE WHEN row.isFeature THEN [1] ELSE [] END | SET d:Feature)
WITH d, row, tagsBefore
CALL {
  WITH d, row
  UNWIND row.aliases AS alias
  MERGE (a:DatasetAlias {namespace: alias.namespace, name: alias.name})
  ON CREATE SET a.type = alias.type
  WITH d, a
  WHERE NOT (a)-[:ALIAS_OF]->()
  MERGE (a)-[:ALIAS_OF]->(d)
}
WITH d, tagsBefore
WHERE coalesce(tagsBefore, '') <> coalesce(d.`facet.tags`, '')
RETURN DISTINCT d.namespace AS namespace, d.name AS name
