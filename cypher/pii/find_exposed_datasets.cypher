// The datasets holding the most fields with personal data in clear or pseudonymised form.
// Parameters: $limit
// Returns: namespace, name, state, categories, raw, pseudonymised
MATCH (f:Field) WHERE f.piiState IN ['RAW', 'PSEUDONYMISED']
WITH f.namespace AS namespace, f.dataset AS name, sum(CASE f.piiState WHEN 'RAW' THEN 1 ELSE 0 END) AS raw,
     sum(CASE f.piiState WHEN 'PSEUDONYMISED' THEN 1 ELSE 0 END) AS pseudonymised
MATCH (d:Dataset {namespace: namespace, name: name})
RETURN namespace, name, d.piiState AS state, d.piiCategories AS categories, raw, pseudonymised
ORDER BY raw DESC, pseudonymised DESC, namespace, name
LIMIT $limit
