// Removes the barrier on a job.
// Parameters: $namespace, $name
// Returns: deleted (count)
OPTIONAL MATCH (b:PiiBarrier {namespace: $namespace, name: $name})
DELETE b
RETURN count(b) AS deleted
