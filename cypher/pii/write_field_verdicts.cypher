// Stores propagation results on fields; null values remove the property (CLEAR is stored as absent).
// Parameters: $rows (list of {namespace, name, field, state, categories, distances (per category, the
//   shortest distance from a declaration of it), evidence (JSON), source, trail (JSON: shorter paths at
//   less severe states)})
// Returns: nothing
UNWIND $rows AS row
MATCH (f:Field {namespace: row.namespace, dataset: row.name, path: row.field})
SET f.piiState = row.state, f.piiCategories = row.categories, f.piiCategoryDistances = row.distances,
    f.piiEvidence = row.evidence, f.piiSource = row.source, f.piiTrail = row.trail
