// A page of jobs by namespace and name, optionally of one namespace, and how many there are in all.
// Parameters: $namespace (or null for all), $offset, $limit
// Returns: total, items (list of {namespace, name, lastSeen})
CALL {
  MATCH (j:Job) WHERE $namespace IS NULL OR j.namespace = $namespace
  RETURN count(j) AS total
}
CALL {
  MATCH (j:Job) WHERE $namespace IS NULL OR j.namespace = $namespace
  WITH j ORDER BY j.namespace, j.name SKIP $offset LIMIT $limit
  RETURN collect({namespace: j.namespace, name: j.name, lastSeen: j.lastSeen}) AS items
}
RETURN total, items
