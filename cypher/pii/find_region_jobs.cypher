// Current dataset lineage into the datasets of a propagation region: which job read what to write them.
// Parameters: $keys (list of {namespace, name})
// Returns: inNamespace, inName, jobNamespace, jobName, outNamespace, outName
UNWIND $keys AS key
MATCH (i:Dataset)-[r:INPUT_TO]->(j:Job)-[w:OUTPUTS]->(o:Dataset {namespace: key.namespace, name: key.name})
WHERE r.current AND w.current
RETURN DISTINCT i.namespace AS inNamespace, i.name AS inName, j.namespace AS jobNamespace, j.name AS jobName,
       o.namespace AS outNamespace, o.name AS outName
