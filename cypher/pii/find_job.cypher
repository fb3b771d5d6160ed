// A job and the datasets it currently reads and writes.
// Parameters: $namespace, $name
// Returns: direction (READS or WRITES), namespace, name (of the dataset; null when the job has none)
MATCH (j:Job {namespace: $namespace, name: $name})
OPTIONAL MATCH (i:Dataset)-[r:INPUT_TO]->(j) WHERE r.current
WITH j, collect(DISTINCT {direction: 'READS', namespace: i.namespace, name: i.name}) AS reads
OPTIONAL MATCH (j)-[w:OUTPUTS]->(o:Dataset) WHERE w.current
WITH reads, collect(DISTINCT {direction: 'WRITES', namespace: o.namespace, name: o.name}) AS writes
UNWIND reads + writes AS row
RETURN row.direction AS direction, row.namespace AS namespace, row.name AS name
