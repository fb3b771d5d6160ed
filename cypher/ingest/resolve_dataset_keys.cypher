// Maps dataset identities to the dataset node they belong to: the dataset itself when one has that
// key, otherwise the dataset a symlink alias points at. Unknown keys return no row.
// Parameters: $keys (list of {namespace, name}). Returns: namespace, name, canonicalNamespace, canonicalName
UNWIND $keys AS key
OPTIONAL MATCH (own:Dataset {namespace: key.namespace, name: key.name})
OPTIONAL MATCH (:DatasetAlias {namespace: key.namespace, name: key.name})-[:ALIAS_OF]->(target:Dataset)
WITH key, coalesce(own, target) AS d
WHERE d IS NOT NULL
RETURN key.namespace AS namespace, key.name AS name, d.namespace AS canonicalNamespace, d.name AS canonicalName
