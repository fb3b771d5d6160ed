// Every current dataset lineage step (input, job, output) for which the job reported no current column
// lineage into the output, for a full recompute: the only steps propagation draws from dataset lineage
// (the same rule as find_region_jobs). One INPUT_TO edge per dataset and job and one OUTPUTS edge per
// job and dataset, so the rows are distinct already.
// Parameters: none
// Returns: inNamespace, inName, jobNamespace, jobName, outNamespace, outName
MATCH (j:Job)-[w:OUTPUTS]->(o:Dataset)
WHERE w.current
  AND NOT EXISTS {
    MATCH (o)-[:HAS_FIELD*1..10]->(:Field)<-[e:FEEDS]-()
    WHERE e.current AND e.jobNamespace = j.namespace AND e.jobName = j.name
  }
MATCH (i:Dataset)-[r:INPUT_TO]->(j)
WHERE r.current
RETURN i.namespace AS inNamespace, i.name AS inName, j.namespace AS jobNamespace, j.name AS jobName,
       o.namespace AS outNamespace, o.name AS outName
