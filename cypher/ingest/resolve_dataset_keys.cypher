// Maps dataset identities to the dataset node they belong to: the dataset itself when one has that
// key, otherwise the dataset a symlink alias points at, with the hash of the field set last written
// for that dataset (see set_field_hashes; null when none was): a field set equal to it changes
// nothing, so its rows are skipped. Unknown keys return no row.
// Parameters: $keys (list of {namespace, name}).
// Returns: namespace, name, canonicalNamespace, canonicalName, fieldsHash
UNWIND $keys AS key
OPTIONAL MATCH (own:Dataset {namespace: key.namespace, name: key.name})
OPTIONAL MATCH (:DatasetAlias {namespace: key.namespace, name: key.name})-[:ALIAS_OF]->(target:Dataset)
WITH key, coalesce(own, target) AS d
WHERE d IS NOT NULL
RETURN key.namespace AS namespace, key.name AS name, d.namespace AS canonicalNamespace, d.name AS canonicalName,
       d.fieldsHash AS fieldsHash
