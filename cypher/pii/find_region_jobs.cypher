// Current dataset lineage into the datasets of a propagation region, for the steps where the job reported
// no current column lineage into the output: the only steps propagation draws from dataset lineage (the
// same rule as list_all_region_jobs).
// Parameters: $keys (list of {namespace, name})
// Returns: inNamespace, inName, jobNamespace, jobName, outNamespace, outName
UNWIND $keys AS key
MATCH (j:Job)-[w:OUTPUTS]->(o:Dataset {namespace: key.namespace, name: key.name})
WHERE w.current
  AND NOT EXISTS {
    MATCH (o)-[:HAS_FIELD*1..10]->(:Field)<-[e:FEEDS]-()
    WHERE e.current AND e.jobNamespace = j.namespace AND e.jobName = j.name
  }
MATCH (i:Dataset)-[r:INPUT_TO]->(j)
WHERE r.current
RETURN DISTINCT i.namespace AS inNamespace, i.name AS inName, j.namespace AS jobNamespace, j.name AS jobName,
       o.namespace AS outNamespace, o.name AS outName
