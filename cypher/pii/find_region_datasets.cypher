// Datasets of a propagation region with their raw tags facet and their stored PII verdict.
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name, tags (JSON string or null), piiState, piiCategories, piiEvidence, piiTrail,
//   piiCategoryDistances
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
RETURN d.namespace AS namespace, d.name AS name, d.`facet.tags` AS tags, d.piiState AS piiState,
       d.piiCategories AS piiCategories, d.piiEvidence AS piiEvidence, d.piiTrail AS piiTrail,
       d.piiCategoryDistances AS piiCategoryDistances
