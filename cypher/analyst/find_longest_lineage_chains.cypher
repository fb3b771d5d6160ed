// title: Longest lineage chains
// description: The longest chains of current dataset lineage, from a source (no job writes it) to a sink
// description: (no job reads it), counted in jobs. Chains longer than 15 jobs are not followed; on a large
// description: graph narrow it with namespace, since every chain is enumerated.
// param: limit integer 10 — how many chains
// param: namespace string null — only chains that start in this namespace; null for every namespace
// returns: jobs (number of jobs in the chain), chain (list of {kind, namespace, name}, source first)
MATCH (s:Dataset)
WHERE ($namespace IS NULL OR s.namespace = $namespace)
  AND NOT EXISTS { MATCH (:Job)-[o:OUTPUTS]->(s) WHERE o.current }
MATCH p = (s)-[:INPUT_TO|OUTPUTS*2..30]->(e:Dataset)
WHERE all(r IN relationships(p) WHERE r.current)
  AND NOT EXISTS { MATCH (e)-[i:INPUT_TO]->(:Job) WHERE i.current }
WITH p, [n IN nodes(p) | n.namespace + ' ' + n.name] AS key
RETURN length(p) / 2 AS jobs,
       [n IN nodes(p) | {kind: CASE WHEN n:Job THEN 'job' ELSE 'dataset' END, namespace: n.namespace, name: n.name}]
         AS chain
ORDER BY jobs DESC, key
LIMIT $limit
