// Stores roll-ups on datasets; null values remove the property (CLEAR is stored as absent).
// Parameters: $rows (list of {namespace, name, state, categories, distances (per category, the shortest
//   distance from a declaration of it), evidence (JSON), trail (JSON; only for a dataset without fields)})
// Returns: nothing
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
SET d.piiState = row.state, d.piiCategories = row.categories, d.piiCategoryDistances = row.distances,
    d.piiEvidence = row.evidence, d.piiTrail = row.trail
