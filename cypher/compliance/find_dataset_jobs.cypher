// The jobs that read or write the given datasets (current dataset lineage), with the models each job writes.
// Parameters: $datasets (list of {namespace, name})
// Returns: jobNamespace, jobName, datasetNamespace, datasetName, access ('READS' or 'WRITES'),
//   models (list of {namespace, name}: the :Model datasets the job outputs)
UNWIND $datasets AS k
MATCH (d:Dataset {namespace: k.namespace, name: k.name})-[:INPUT_TO]->(j:Job)
RETURN j.namespace AS jobNamespace, j.name AS jobName, d.namespace AS datasetNamespace, d.name AS datasetName,
       'READS' AS access, [(j)-[:OUTPUTS]->(m:Model) | {namespace: m.namespace, name: m.name}] AS models
UNION
UNWIND $datasets AS k
MATCH (j:Job)-[:OUTPUTS]->(d:Dataset {namespace: k.namespace, name: k.name})
RETURN j.namespace AS jobNamespace, j.name AS jobName, d.namespace AS datasetNamespace, d.name AS datasetName,
       'WRITES' AS access, [(j)-[:OUTPUTS]->(m:Model) | {namespace: m.namespace, name: m.name}] AS models
