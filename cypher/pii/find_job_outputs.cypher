// Every dataset a job has ever written, current or not: a completed run may just have dropped it.
// Parameters: $jobs (list of {namespace, name})
// Returns: namespace, name
UNWIND $jobs AS job
MATCH (:Job {namespace: job.namespace, name: job.name})-[:OUTPUTS]->(d:Dataset)
RETURN DISTINCT d.namespace AS namespace, d.name AS name
