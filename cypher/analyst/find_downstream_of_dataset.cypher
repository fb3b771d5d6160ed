// title: Everything downstream of a table
// description: Every job and dataset that a dataset feeds, directly or through other jobs, with the fewest
// description: lineage edges between them (dataset to job to dataset is 2). Follows at most 30 edges
// description: (15 jobs). The dataset may be named by any of its identities (symlinks).
// param: namespace string required — the dataset's namespace
// param: name string required — the dataset's name
// param: includeStale boolean false — also follow edges that are no longer current (history)
// returns: kind (dataset or job), namespace, name, hops
CALL {
  MATCH (d:Dataset {namespace: $namespace, name: $name})
  RETURN d
  UNION
  MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(d:Dataset)
  RETURN d
}
MATCH p = (d)-[:INPUT_TO|OUTPUTS*1..30]->(x)
WHERE $includeStale OR all(r IN relationships(p) WHERE r.current)
WITH x, min(length(p)) AS hops
RETURN CASE WHEN x:Job THEN 'job' ELSE 'dataset' END AS kind, x.namespace AS namespace, x.name AS name, hops
ORDER BY hops, kind, namespace, name
