// A dataset's stored PII verdicts: the dataset and each of its fields (nested ones included).
// Parameters: $namespace, $name (of the dataset node itself, aliases already resolved)
// Returns: field (path, null for a dataset without fields), state, categories, evidence, source,
//   datasetState, datasetCategories, datasetEvidence, labels
MATCH (d:Dataset {namespace: $namespace, name: $name})
OPTIONAL MATCH (d)-[:HAS_FIELD*1..10]->(f:Field)
RETURN f.path AS field, f.piiState AS state, f.piiCategories AS categories, f.piiEvidence AS evidence,
       f.piiSource AS source, d.piiState AS datasetState, d.piiCategories AS datasetCategories,
       d.piiEvidence AS datasetEvidence, labels(d) AS labels
ORDER BY field
