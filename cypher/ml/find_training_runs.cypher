// Runs that wrote a version of a dataset, latest first, with the version and the output facets of the write.
// Parameters: $namespace, $name (the dataset's own key), $limit
// Returns: run (node), job (node or null), version, writeFacets (map: the WROTE edge's properties)
MATCH (:Dataset {namespace: $namespace, name: $name})<-[:VERSION_OF]-(v:DatasetVersion)<-[w:WROTE]-(r:Run)
WITH r, v, w ORDER BY coalesce(r.startEventTime, r.firstEventTime) DESC
LIMIT $limit
OPTIONAL MATCH (r)-[:OF]->(j:Job)
RETURN r AS run, j AS job, v.version AS version, properties(w) AS writeFacets
