// Re-computes the :Model and :Feature labels of every dataset from its datasetType facet (MODEL or
// FEATURE, case-insensitive) and the configured name rules (Java regexes matching the whole
// namespace + '/' + name). Labels neither says are removed. Runs in batches (auto-commit session).
// Parameters: $modelPatterns, $featurePatterns (lists of strings)
// Returns: models, features (labelled datasets after the run), changed (datasets whose labels changed)
MATCH (d:Dataset)
CALL {
  WITH d
  WITH d, d.namespace + '/' + d.name AS key, toUpper(coalesce(d.`facet.datasetType`, '')) AS facet
  WITH d, d:Model AS wasModel, d:Feature AS wasFeature,
       facet CONTAINS '"DATASETTYPE":"MODEL"' OR any(p IN $modelPatterns WHERE key =~ p) AS model,
       facet CONTAINS '"DATASETTYPE":"FEATURE"' OR any(p IN $featurePatterns WHERE key =~ p) AS feature
  FOREACH (_ IN CASE WHEN model AND NOT wasModel THEN [1] ELSE [] END | SET d:Model)
  FOREACH (_ IN CASE WHEN wasModel AND NOT model THEN [1] ELSE [] END | REMOVE d:Model)
  FOREACH (_ IN CASE WHEN feature AND NOT wasFeature THEN [1] ELSE [] END | SET d:Feature)
  FOREACH (_ IN CASE WHEN wasFeature AND NOT feature THEN [1] ELSE [] END | REMOVE d:Feature)
  RETURN model, feature, model <> wasModel OR feature <> wasFeature AS changed
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(CASE WHEN model THEN 1 END) AS models, count(CASE WHEN feature THEN 1 END) AS features,
       count(CASE WHEN changed THEN 1 END) AS changed
