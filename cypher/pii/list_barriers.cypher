// Every job a steward approved as an anonymiser: PII does not propagate through it.
// Parameters: none
// Returns: namespace, name, reason, declaredBy, declaredAt
MATCH (b:PiiBarrier)
RETURN b.namespace AS namespace, b.name AS name, b.reason AS reason, b.declaredBy AS declaredBy,
       b.declaredAt AS declaredAt
ORDER BY b.declaredAt, b.namespace, b.name
