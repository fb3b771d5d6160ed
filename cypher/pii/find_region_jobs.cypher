// Dataset lineage into the datasets of a propagation region, for the steps where the job reported
// no column lineage into the output: the only steps propagation draws from dataset lineage (the
// same rule as list_all_region_jobs).
// Parameters: $keys (list of {namespace, name}),
//   $includeStale, $asOf: which edges: current ones (both unset), all, or those that existed at $asOf
//   (the lineage API's selection)
// Returns: inNamespace, inName, jobNamespace, jobName, outNamespace, outName
UNWIND $keys AS key
MATCH (j:Job)-[w:OUTPUTS]->(o:Dataset {namespace: key.namespace, name: key.name})
WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR w.current
           ELSE w.firstSeen <= $asOf AND (w.staleSince IS NULL OR w.staleSince > $asOf) END
  AND NOT EXISTS {
    MATCH (o)-[:HAS_FIELD*1..10]->(:Field)<-[e:FEEDS]-()
    WHERE (CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
                ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END)
      AND e.jobNamespace = j.namespace AND e.jobName = j.name
  }
MATCH (i:Dataset)-[r:INPUT_TO]->(j)
WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR r.current
           ELSE r.firstSeen <= $asOf AND (r.staleSince IS NULL OR r.staleSince > $asOf) END
RETURN DISTINCT i.namespace AS inNamespace, i.name AS inName, j.namespace AS jobNamespace, j.name AS jobName,
       o.namespace AS outNamespace, o.name AS outName
