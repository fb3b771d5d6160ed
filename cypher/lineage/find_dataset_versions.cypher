// The newest versions of a dataset, with the run that wrote each (null for versions only read).
// Parameters: $namespace, $name (the dataset's own key), $limit
// Returns: version, firstSeen, runId
MATCH (v:DatasetVersion)-[:VERSION_OF]->(:Dataset {namespace: $namespace, name: $name})
RETURN v.version AS version, v.firstSeen AS firstSeen, v.runId AS runId
ORDER BY firstSeen DESC, version
LIMIT $limit
