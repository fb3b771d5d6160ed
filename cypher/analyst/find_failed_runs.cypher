// title: Runs that failed last week
// description: Runs whose final state is FAIL, by the event time of their FAIL event, within the last
// description: given number of days (7: last week), newest first, with the error message when reported.
// param: days integer 7 — how many days back
// param: namespace string null — only jobs in this namespace; null for every namespace
// returns: runId, jobNamespace, jobName, failedAt, errorMessage
MATCH (r:Run)
WHERE r.state = 'FAIL'
  AND r.endedAt >= datetime() - duration({days: $days})
  AND ($namespace IS NULL OR r.jobNamespace = $namespace)
RETURN r.runId AS runId, r.jobNamespace AS jobNamespace, r.jobName AS jobName, r.endedAt AS failedAt,
       r.errorMessage AS errorMessage
ORDER BY failedAt DESC, runId
