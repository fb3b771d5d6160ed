// Every steward declaration, oldest first.
// Parameters: none
// Returns: namespace, name, field, personal, categories, reason, declaredBy, declaredAt
MATCH (p:PiiDeclaration)
RETURN p.namespace AS namespace, p.dataset AS name, p.field AS field, p.personal AS personal,
       p.categories AS categories, p.reason AS reason, p.declaredBy AS declaredBy, p.declaredAt AS declaredAt
ORDER BY p.declaredAt, p.namespace, p.dataset, p.field
