// One level of dataset reach against flow direction, over current lineage: a job's inputs, and the
// datasets column lineage comes from.
// Parameters: $keys (list of {namespace, name})
// Returns: namespace, name (the datasets one step upstream)
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL {
  WITH d
  MATCH (x:Dataset)-[i:INPUT_TO]->(:Job)-[o:OUTPUTS]->(d)
  WHERE i.current AND o.current
  RETURN x.namespace AS namespace, x.name AS name
  UNION
  WITH d
  MATCH (d)-[:HAS_FIELD*1..10]->(:Field)<-[e:FEEDS]-(g:Field)
  WHERE e.current
  RETURN g.namespace AS namespace, g.dataset AS name
}
RETURN DISTINCT namespace, name
