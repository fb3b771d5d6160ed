// Every field (nested ones included) with its stored verdict, for a full recompute: one label scan (every
// field hangs below its dataset, and its namespace and dataset properties name that dataset). The map
// projection reads each node's properties in one pass. The internal id only joins these rows to
// list_all_region_feeds' within one recompute; fields are never deleted, so no id is reused meanwhile.
// Parameters: none
// Returns: id, namespace, name (dataset), field (path), piiState, piiCategories, piiEvidence, piiSource,
//   piiTrail, piiCategoryDistances
MATCH (f:Field)
WITH id(f) AS id, f {.namespace, .dataset, .path, .piiState, .piiCategories, .piiEvidence, .piiSource, .piiTrail,
        .piiCategoryDistances} AS p
RETURN id, p.namespace AS namespace, p.dataset AS name, p.path AS field, p.piiState AS piiState,
       p.piiCategories AS piiCategories, p.piiEvidence AS piiEvidence, p.piiSource AS piiSource,
       p.piiTrail AS piiTrail, p.piiCategoryDistances AS piiCategoryDistances
