// One steward declaration per field (it may name a field not yet seen).
CREATE CONSTRAINT pii_declaration_key IF NOT EXISTS FOR (p:PiiDeclaration) REQUIRE (p.namespace, p.dataset, p.field) IS UNIQUE
