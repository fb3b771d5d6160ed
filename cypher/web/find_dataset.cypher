// Web UI dataset page (interim): one dataset with its fields (nested ones too) and its latest versions.
// Parameters: $namespace, $name
// Returns: dataset (node), labels, fields (list of maps: path, name, type, description), versions (list of
//          maps: version, firstSeen, runId, newest first, at most 20)
MATCH (d:Dataset {namespace: $namespace, name: $name})
CALL {
  WITH d
  OPTIONAL MATCH (d)-[:HAS_FIELD*1..10]->(f:Field)
  WITH f ORDER BY f.path
  RETURN collect(f {.path, .name, .type, .description}) AS fields
}
CALL {
  WITH d
  OPTIONAL MATCH (v:DatasetVersion)-[:VERSION_OF]->(d)
  WITH v ORDER BY v.firstSeen DESC
  LIMIT 20
  RETURN collect(v {.version, .firstSeen, .runId}) AS versions
}
RETURN d AS dataset, labels(d) AS labels, fields, versions
