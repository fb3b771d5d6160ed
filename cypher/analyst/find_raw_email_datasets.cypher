// title: Datasets holding raw e-mail addresses
// description: Datasets with at least one field whose PII state is RAW (personal data in clear) and whose
// description: PII categories include the given one: EMAIL by default, any other category on request.
// param: category string "EMAIL" — PII category to look for, e.g. EMAIL, NAME, PHONE, HEALTH
// param: namespace string null — only datasets in this namespace; null for every namespace
// returns: namespace, name, fields (paths of the matching fields, sorted)
MATCH (f:Field)
WHERE f.piiState = 'RAW'
  AND toUpper($category) IN [c IN coalesce(f.piiCategories, []) | toUpper(c)]
  AND ($namespace IS NULL OR f.namespace = $namespace)
MATCH (d:Dataset {namespace: f.namespace, name: f.dataset})
WITH d, f
ORDER BY f.path
RETURN d.namespace AS namespace, d.name AS name, collect(f.path) AS fields
ORDER BY namespace, name
