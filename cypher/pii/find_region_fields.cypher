// The fields (nested ones included) of the datasets of a propagation region, with their stored verdict.
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name (dataset), field (path), piiState, piiCategories, piiEvidence, piiSource, piiTrail,
//   piiCategoryDistances
UNWIND $keys AS key
MATCH (:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD*1..10]->(f:Field)
RETURN DISTINCT f.namespace AS namespace, f.dataset AS name, f.path AS field, f.piiState AS piiState,
       f.piiCategories AS piiCategories, f.piiEvidence AS piiEvidence, f.piiSource AS piiSource, f.piiTrail AS piiTrail,
       f.piiCategoryDistances AS piiCategoryDistances
