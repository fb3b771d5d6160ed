// Every dataset with its raw tags facet and stored PII verdict: the region of a full recompute, read
// with one label scan instead of a lookup per key.
// Parameters: none
// Returns: namespace, name, tags (JSON string or null), piiState, piiCategories, piiEvidence, piiTrail,
//   piiCategoryDistances
MATCH (d:Dataset)
RETURN d.namespace AS namespace, d.name AS name, d.`facet.tags` AS tags, d.piiState AS piiState,
       d.piiCategories AS piiCategories, d.piiEvidence AS piiEvidence, d.piiTrail AS piiTrail,
       d.piiCategoryDistances AS piiCategoryDistances
