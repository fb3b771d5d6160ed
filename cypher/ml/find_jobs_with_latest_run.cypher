// Jobs by key, each with its latest run (for code versions and parameters along a training lineage).
// Parameters: $jobs (list of {namespace, name})
// Returns: job (node), runs (list with the latest run node, empty when the job has none)
UNWIND $jobs AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
RETURN j AS job,
       COLLECT { MATCH (r:Run)-[:OF]->(j)
                 RETURN r ORDER BY coalesce(r.startEventTime, r.firstEventTime) DESC LIMIT 1 } AS runs
