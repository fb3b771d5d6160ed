// title: Fields whose lineage changed in a period
// description: Column lineage edges (FEEDS) that appeared (firstSeen) or stopped being current (staleSince)
// description: in a period, one row per change, oldest first. The period is [from, to); without to it ends
// description: now, without from it starts 30 days before to.
// param: from datetime null — start of the period (inclusive), ISO-8601; null for 30 days before to
// param: to datetime null — end of the period (exclusive), ISO-8601; null for now
// param: namespace string null — only fields of datasets in this namespace; null for every namespace
// returns: namespace, dataset, field, change (ADDED or REMOVED), at, sourceNamespace, sourceDataset, sourceField, jobNamespace, jobName, type, subtype
WITH coalesce($to, datetime()) AS until
WITH coalesce($from, until - duration({days: 30})) AS since, until
MATCH (s:Field)-[e:FEEDS]->(f:Field)
WHERE ($namespace IS NULL OR f.namespace = $namespace)
  AND ((e.firstSeen >= since AND e.firstSeen < until) OR (e.staleSince >= since AND e.staleSince < until))
UNWIND [c IN [['ADDED', e.firstSeen], ['REMOVED', e.staleSince]] WHERE c[1] >= since AND c[1] < until] AS change
RETURN f.namespace AS namespace, f.dataset AS dataset, f.path AS field, change[0] AS change, change[1] AS at,
       s.namespace AS sourceNamespace, s.dataset AS sourceDataset, s.path AS sourceField,
       e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.type AS type, e.subtype AS subtype
ORDER BY at, namespace, dataset, field, change, sourceNamespace, sourceDataset, sourceField
