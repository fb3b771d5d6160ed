// The column lineage hops into the fields of the datasets of a propagation region.
// Parameters: $keys (list of {namespace, name}),
//   $includeStale, $asOf: which edges: current ones (both unset), all, or those that existed at $asOf
//   (the lineage API's selection)
// Returns: fromNamespace, fromName, fromField, toNamespace, toName, toField, jobNamespace, jobName,
//   type, subtype, masking
UNWIND $keys AS key
MATCH (:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD*1..10]->(f:Field)<-[e:FEEDS]-(src:Field)
WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
           ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END
RETURN DISTINCT src.namespace AS fromNamespace, src.dataset AS fromName, src.path AS fromField,
       f.namespace AS toNamespace, f.dataset AS toName, f.path AS toField, e.jobNamespace AS jobNamespace,
       e.jobName AS jobName, e.type AS type, e.subtype AS subtype, coalesce(e.masking, false) AS masking
