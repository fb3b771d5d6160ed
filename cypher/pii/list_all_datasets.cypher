// Every dataset, for a full recompute.
// Parameters: none
// Returns: namespace, name
MATCH (d:Dataset)
RETURN d.namespace AS namespace, d.name AS name
