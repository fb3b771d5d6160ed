// The dataset a namespace and name identify, directly or through a symlink alias.
// Parameters: $namespace, $name. Returns: id (elementId), namespace, name, labels
OPTIONAL MATCH (own:Dataset {namespace: $namespace, name: $name})
OPTIONAL MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(aliased:Dataset)
WITH coalesce(own, aliased) AS d
WHERE d IS NOT NULL
RETURN elementId(d) AS id, d.namespace AS namespace, d.name AS name, labels(d) AS labels
