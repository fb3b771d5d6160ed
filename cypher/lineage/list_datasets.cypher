// A page of datasets by namespace and name, optionally of one namespace, and how many there are in all.
// Parameters: $namespace (or null for all), $offset, $limit
// Returns: total, items (list of {namespace, name, labels, lastSeen})
CALL {
  MATCH (d:Dataset) WHERE $namespace IS NULL OR d.namespace = $namespace
  RETURN count(d) AS total
}
CALL {
  MATCH (d:Dataset) WHERE $namespace IS NULL OR d.namespace = $namespace
  WITH d ORDER BY d.namespace, d.name SKIP $offset LIMIT $limit
  RETURN collect({namespace: d.namespace, name: d.name, labels: labels(d), lastSeen: d.lastSeen}) AS items
}
RETURN total, items
