// title: Datasets no job has written for 90 days
// description: Datasets that runs have written, but not within the given number of days: by the event time
// description: of the latest run that wrote them, with that run and its job. Datasets never written by a
// description: run (sources, or outputs declared only by job events) are not listed.
// param: days integer 90 — how many days without a write
// param: namespace string null — only datasets in this namespace; null for every namespace
// returns: namespace, name, lastWrittenAt, daysSinceWrite, lastRunId, jobNamespace, jobName
MATCH (d:Dataset)
WHERE d.currentVersionAt IS NOT NULL
  AND d.currentVersionAt < datetime() - duration({days: $days})
  AND ($namespace IS NULL OR d.namespace = $namespace)
OPTIONAL MATCH (:DatasetVersion {namespace: d.namespace, name: d.name, version: d.currentVersion})
               <-[:WROTE]-(r:Run)
WITH d, r
ORDER BY r.stateTime DESC
WITH d, head(collect(r)) AS r
RETURN d.namespace AS namespace, d.name AS name, d.currentVersionAt AS lastWrittenAt,
       duration.inDays(d.currentVersionAt, datetime()).days AS daysSinceWrite,
       r.runId AS lastRunId, r.jobNamespace AS jobNamespace, r.jobName AS jobName
ORDER BY lastWrittenAt, namespace, name
