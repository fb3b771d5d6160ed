// Removes a steward's declaration on a field.
// Parameters: $namespace, $name, $field
// Returns: deleted (count)
OPTIONAL MATCH (p:PiiDeclaration {namespace: $namespace, dataset: $name, field: $field})
DELETE p
RETURN count(p) AS deleted
