// title: Fan-in hotspots
// description: Datasets fed by the most upstream datasets through current lineage (dataset, job, dataset),
// description: with how many jobs write them: the places where many sources meet and a change or a leak
// description: upstream has the widest effect.
// param: minInputs integer 2 — only datasets with at least this many upstream datasets
// param: limit integer 20 — how many datasets
// param: namespace string null — only datasets in this namespace; null for every namespace
// returns: namespace, name, upstreamDatasets, writerJobs, upstream (first 20 upstream datasets, sorted)
MATCH (src:Dataset)-[i:INPUT_TO]->(j:Job)-[o:OUTPUTS]->(d:Dataset)
WHERE i.current AND o.current AND src <> d
  AND ($namespace IS NULL OR d.namespace = $namespace)
WITH d, src, j
ORDER BY src.namespace, src.name
WITH d, collect(DISTINCT {namespace: src.namespace, name: src.name}) AS upstream, count(DISTINCT j) AS writerJobs
WHERE size(upstream) >= $minInputs
RETURN d.namespace AS namespace, d.name AS name, size(upstream) AS upstreamDatasets, writerJobs,
       upstream[0..20] AS upstream
ORDER BY upstreamDatasets DESC, namespace, name
LIMIT $limit
