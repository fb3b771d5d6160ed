// Steward declarations (personal or not) on fields of the given datasets.
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name, field, personal, categories, reason, declaredBy, declaredAt
UNWIND $keys AS key
MATCH (p:PiiDeclaration {namespace: key.namespace, dataset: key.name})
RETURN p.namespace AS namespace, p.dataset AS name, p.field AS field, p.personal AS personal,
       p.categories AS categories, p.reason AS reason, p.declaredBy AS declaredBy, p.declaredAt AS declaredAt
