// The field of a dataset (identified directly or through a symlink alias) by its path.
// Parameters: $namespace, $name, $field. Returns: id (elementId), namespace, name (dataset), field (path), labels
OPTIONAL MATCH (own:Dataset {namespace: $namespace, name: $name})
OPTIONAL MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(aliased:Dataset)
WITH coalesce(own, aliased) AS d
MATCH (f:Field {namespace: d.namespace, dataset: d.name, path: $field})
RETURN elementId(f) AS id, f.namespace AS namespace, f.dataset AS name, f.path AS field, labels(f) AS labels
