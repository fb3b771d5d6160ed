// Jobs whose current outputs include a dataset, each with its latest runs.
// Parameters: $namespace, $name (the dataset's own key), $runs (most runs per job)
// Returns: job (node), runs (list of run nodes, latest first)
MATCH (j:Job)-[o:OUTPUTS]->(:Dataset {namespace: $namespace, name: $name})
WHERE o.current
RETURN j AS job,
       COLLECT { MATCH (r:Run)-[:OF]->(j)
                 RETURN r ORDER BY coalesce(r.startEventTime, r.firstEventTime) DESC LIMIT $runs } AS runs
ORDER BY j.namespace, j.name
