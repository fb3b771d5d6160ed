// One level of dataset reach in flow direction, over current lineage: through a job's inputs and
// outputs, and through column lineage (which may name datasets the job did not list as inputs).
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name (the datasets one step downstream)
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL {
  WITH d
  MATCH (d)-[i:INPUT_TO]->(:Job)-[o:OUTPUTS]->(x:Dataset)
  WHERE i.current AND o.current
  RETURN x.namespace AS namespace, x.name AS name
  UNION
  WITH d
  MATCH (d)-[:HAS_FIELD*1..10]->(:Field)-[e:FEEDS]->(g:Field)
  WHERE e.current
  RETURN g.namespace AS namespace, g.dataset AS name
}
RETURN DISTINCT namespace, name
