// Every field (nested ones included) with its stored verdict, for a full recompute: one label scan (every
// field hangs below its dataset, and its namespace and dataset properties name that dataset).
// Parameters: none
// Returns: namespace, name (dataset), field (path), piiState, piiCategories, piiEvidence, piiSource, piiTrail,
//   piiCategoryDistances
MATCH (f:Field)
RETURN f.namespace AS namespace, f.dataset AS name, f.path AS field, f.piiState AS piiState,
       f.piiCategories AS piiCategories, f.piiEvidence AS piiEvidence, f.piiSource AS piiSource, f.piiTrail AS piiTrail,
       f.piiCategoryDistances AS piiCategoryDistances
