// Records (or replaces) a steward's declaration on a field, which need not exist yet.
// Parameters: $namespace, $name, $field, $personal, $categories, $reason, $declaredBy
// Returns: declaredAt
MERGE (p:PiiDeclaration {namespace: $namespace, dataset: $name, field: $field})
SET p.personal = $personal, p.categories = $categories, p.reason = $reason, p.declaredBy = $declaredBy,
    p.declaredAt = datetime()
RETURN p.declaredAt AS declaredAt
