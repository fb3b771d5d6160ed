// One level of dataset reach in flow direction, over the selected lineage edges: through a job's inputs and
// outputs, and through column lineage (which may name datasets the job did not list as inputs).
// Parameters: $keys (list of {namespace, name}),
//   $includeStale, $asOf: which edges: current ones (both unset), all, or those that existed at $asOf
//   (the lineage API's selection)
// Returns: namespace, name (the datasets one step downstream)
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL {
  WITH d
  MATCH (d)-[i:INPUT_TO]->(:Job)-[o:OUTPUTS]->(x:Dataset)
  WHERE (CASE WHEN $asOf IS NULL THEN $includeStale OR i.current
              ELSE i.firstSeen <= $asOf AND (i.staleSince IS NULL OR i.staleSince > $asOf) END)
    AND (CASE WHEN $asOf IS NULL THEN $includeStale OR o.current
              ELSE o.firstSeen <= $asOf AND (o.staleSince IS NULL OR o.staleSince > $asOf) END)
  RETURN x.namespace AS namespace, x.name AS name
  UNION
  WITH d
  MATCH (d)-[:HAS_FIELD*1..10]->(:Field)-[e:FEEDS]->(g:Field)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
             ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END
  RETURN g.namespace AS namespace, g.dataset AS name
}
RETURN DISTINCT namespace, name
