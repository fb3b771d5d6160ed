// Every dataset with its raw tags facet and stored PII verdict: the region of a full recompute, read
// with one label scan instead of a lookup per key. The map projection reads each node's properties in
// one pass along its property chain instead of one pass per property (half the time on the 1e6 estate).
// Parameters: none
// Returns: namespace, name, tags (JSON string or null), piiState, piiCategories, piiEvidence, piiTrail,
//   piiCategoryDistances
MATCH (d:Dataset)
WITH d {.namespace, .name, .`facet.tags`, .piiState, .piiCategories, .piiEvidence, .piiTrail,
        .piiCategoryDistances} AS p
RETURN p.namespace AS namespace, p.name AS name, p.`facet.tags` AS tags, p.piiState AS piiState,
       p.piiCategories AS piiCategories, p.piiEvidence AS piiEvidence, p.piiTrail AS piiTrail,
       p.piiCategoryDistances AS piiCategoryDistances
