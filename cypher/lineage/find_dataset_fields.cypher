// The fields of a dataset, nested ones included (at most 32 levels deep), each with its parent's path and its
// stored PII verdict (docs/pii.md: piiState absent means CLEAR).
// Parameters: $namespace, $name (the dataset's own key), $limit
// Returns: path, name, type, description, parentPath (null for a top-level field),
//   piiState (null when CLEAR), piiCategories (null when CLEAR), piiSource (STEWARD, TAG, NAME_RULE,
//   STEWARD_NOT_PERSONAL, TAG_NOT_PERSONAL or null)
MATCH (:Dataset {namespace: $namespace, name: $name})-[:HAS_FIELD*1..32]->(f:Field)
OPTIONAL MATCH (parent:Field)-[:HAS_FIELD]->(f)
RETURN f.path AS path, f.name AS name, f.type AS type, f.description AS description, parent.path AS parentPath,
       f.piiState AS piiState, f.piiCategories AS piiCategories, f.piiSource AS piiSource
ORDER BY path
LIMIT $limit
