// What a job currently writes: the datasets of its current outputs and of the fields its current column
// lineage feeds. Outputs it no longer writes were judged without it when they stopped being current.
// Parameters: $jobs (list of {namespace, name})
// Returns: namespace, name
UNWIND $jobs AS job
MATCH (:Job {namespace: job.namespace, name: job.name})-[w:OUTPUTS]->(d:Dataset)
WHERE w.current
RETURN DISTINCT d.namespace AS namespace, d.name AS name
UNION
UNWIND $jobs AS job
MATCH ()-[e:FEEDS {jobNamespace: job.namespace, jobName: job.name}]->(g:Field)
WHERE e.current
RETURN DISTINCT g.namespace AS namespace, g.dataset AS name
