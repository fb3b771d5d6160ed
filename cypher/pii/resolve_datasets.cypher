// The datasets that namespace/name pairs identify, directly or through a symlink alias.
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name (of each existing dataset, once)
UNWIND $keys AS key
OPTIONAL MATCH (own:Dataset {namespace: key.namespace, name: key.name})
OPTIONAL MATCH (:DatasetAlias {namespace: key.namespace, name: key.name})-[:ALIAS_OF]->(aliased:Dataset)
WITH coalesce(own, aliased) AS d
WHERE d IS NOT NULL
RETURN DISTINCT d.namespace AS namespace, d.name AS name
