// Every current dataset lineage step (input, job, output), for a full recompute. One INPUT_TO edge per
// dataset and job and one OUTPUTS edge per job and dataset, so the rows are distinct already.
// Parameters: none
// Returns: inNamespace, inName, jobNamespace, jobName, outNamespace, outName
MATCH (i:Dataset)-[r:INPUT_TO]->(j:Job)-[w:OUTPUTS]->(o:Dataset)
WHERE r.current AND w.current
RETURN i.namespace AS inNamespace, i.name AS inName, j.namespace AS jobNamespace, j.name AS jobName,
       o.namespace AS outNamespace, o.name AS outName
