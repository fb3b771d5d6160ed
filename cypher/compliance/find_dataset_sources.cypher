// The given datasets with their ownership facet and PII roll-up: the data sources of a compliance report.
// Parameters: $datasets (list of {namespace, name}; unknown keys are skipped)
// Returns: namespace, name, labels, ownership (the facet's JSON string, or null), piiState, piiCategories
UNWIND $datasets AS k
MATCH (d:Dataset {namespace: k.namespace, name: k.name})
RETURN d.namespace AS namespace, d.name AS name, labels(d) AS labels, d.`facet.ownership` AS ownership,
       d.piiState AS piiState, coalesce(d.piiCategories, []) AS piiCategories
ORDER BY namespace, name
