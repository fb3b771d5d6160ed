// What a job currently writes, for each job that started or stopped reading a dataset that holds
// personal data (a stored state; CLEAR is stored as absent). Reading a clear dataset changes no verdict
// downstream: the worst state wins. A dataset whose own verdict changes in the same update reaches these
// outputs anyway, through find_fed_datasets.
// Parameters: $reads (list of {namespace, name, jobNamespace, jobName})
// Returns: namespace, name
UNWIND $reads AS read
MATCH (i:Dataset {namespace: read.namespace, name: read.name})
WHERE i.piiState IS NOT NULL
MATCH (:Job {namespace: read.jobNamespace, name: read.jobName})-[w:OUTPUTS]->(o:Dataset)
WHERE w.current
RETURN DISTINCT o.namespace AS namespace, o.name AS name
