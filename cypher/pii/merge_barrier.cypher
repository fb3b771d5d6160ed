// Records (or replaces) a barrier on a job, which need not exist yet.
// Parameters: $namespace, $name, $reason, $declaredBy
// Returns: declaredAt
MERGE (b:PiiBarrier {namespace: $namespace, name: $name})
SET b.reason = $reason, b.declaredBy = $declaredBy, b.declaredAt = datetime()
RETURN b.declaredAt AS declaredAt
