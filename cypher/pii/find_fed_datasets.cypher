// Where a change of the given fields' verdicts goes next: the datasets holding fields they feed by
// current column lineage, and the outputs of jobs that currently read their datasets without reporting
// current column lineage into that output (the same rule as find_region_jobs).
// Parameters: $fields (list of {namespace, name, field})
// Returns: namespace, name
UNWIND $fields AS key
MATCH (f:Field {namespace: key.namespace, dataset: key.name, path: key.field})-[e:FEEDS]->(g:Field)
WHERE e.current
RETURN DISTINCT g.namespace AS namespace, g.dataset AS name
UNION
UNWIND $fields AS key
WITH DISTINCT key.namespace AS namespace, key.name AS name
MATCH (:Dataset {namespace: namespace, name: name})-[r:INPUT_TO]->(j:Job)-[w:OUTPUTS]->(o:Dataset)
WHERE r.current AND w.current
  AND NOT EXISTS {
    MATCH (o)-[:HAS_FIELD*1..10]->(:Field)<-[e:FEEDS]-()
    WHERE e.current AND e.jobNamespace = j.namespace AND e.jobName = j.name
  }
RETURN DISTINCT o.namespace AS namespace, o.name AS name
