// Stores roll-ups on datasets; null values remove the property (CLEAR is stored as absent).
// Parameters: $rows (list of {namespace, name, state, categories, evidence (JSON)})
// Returns: nothing
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
SET d.piiState = row.state, d.piiCategories = row.categories, d.piiEvidence = row.evidence
