// Datasets holding a personal data category (their PII roll-up names it), with the fields that carry it.
// Parameters: $category
// Returns: namespace, name, labels, state, ownership (JSON string or null), fields (list of {path, state, source})
MATCH (d:Dataset)
WHERE d.piiState IS NOT NULL AND $category IN coalesce(d.piiCategories, [])
OPTIONAL MATCH (d)-[:HAS_FIELD*1..10]->(f:Field)
  WHERE $category IN coalesce(f.piiCategories, [])
WITH d, f
ORDER BY f.path
RETURN d.namespace AS namespace, d.name AS name, labels(d) AS labels, d.piiState AS state,
       d.`facet.ownership` AS ownership,
       [x IN collect(f) | {path: x.path, state: x.piiState, source: x.piiSource}] AS fields
ORDER BY namespace, name
