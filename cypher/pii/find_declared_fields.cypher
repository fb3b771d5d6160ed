// Fields declared personal (by steward, tag or name rule) or declared not personal, at most $limit.
// Parameters: $limit
// Returns: namespace, name, field, source, state, categories
MATCH (f:Field) WHERE f.piiSource IS NOT NULL
RETURN f.namespace AS namespace, f.dataset AS name, f.path AS field, f.piiSource AS source,
       f.piiState AS state, f.piiCategories AS categories
ORDER BY namespace, name, field
LIMIT $limit
