// Every field (nested ones included) of every dataset, with its stored verdict, for a full recompute.
// A field hangs below exactly one dataset, so no DISTINCT is needed.
// Parameters: none
// Returns: namespace, name (dataset), field (path), piiState, piiCategories, piiEvidence, piiSource, piiTrail
MATCH (:Dataset)-[:HAS_FIELD*1..10]->(f:Field)
RETURN f.namespace AS namespace, f.dataset AS name, f.path AS field, f.piiState AS piiState,
       f.piiCategories AS piiCategories, f.piiEvidence AS piiEvidence, f.piiSource AS piiSource, f.piiTrail AS piiTrail
