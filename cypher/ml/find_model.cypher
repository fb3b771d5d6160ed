// The dataset a namespace and name identify, directly or through a symlink alias, model or not.
// Parameters: $namespace, $name. Returns: dataset (node), labels
OPTIONAL MATCH (own:Dataset {namespace: $namespace, name: $name})
OPTIONAL MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(aliased:Dataset)
WITH coalesce(own, aliased) AS d
WHERE d IS NOT NULL
RETURN d AS dataset, labels(d) AS labels
