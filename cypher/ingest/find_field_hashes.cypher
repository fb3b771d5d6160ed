// The hash of the field set last written for each of these datasets (see set_field_hashes): a set equal
// to it changes nothing, so its rows are skipped. Unknown datasets, and datasets whose fields were
// written before hashes existed, return no hash.
// Parameters: $keys (list of {namespace, name}). Returns: namespace, name, hash
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
WHERE d.fieldsHash IS NOT NULL
RETURN d.namespace AS namespace, d.name AS name, d.fieldsHash AS hash
