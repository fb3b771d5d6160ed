// The job a namespace and name identify.
// Parameters: $namespace, $name. Returns: id (elementId), namespace, name, labels
MATCH (j:Job {namespace: $namespace, name: $name})
RETURN elementId(j) AS id, j.namespace AS namespace, j.name AS name, labels(j) AS labels
