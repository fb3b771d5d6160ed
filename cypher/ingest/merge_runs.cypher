// Creates or updates runs. The state machine is order-free: the state with the highest rank wins
// (terminal COMPLETE/FAIL/ABORT over RUNNING over START over OTHER), then the later event, then the
// name, so any arrival order ends in the same state.
// Parameters: $rows (list of {runId, jobNamespace, jobName, eventType, rank, eventTime, facets, errorMessage})
UNWIND $rows AS row
MERGE (r:Run {runId: row.runId})
ON CREATE SET r.firstEventTime = row.eventTime
WITH r, row
MERGE (j:Job {namespace: row.jobNamespace, name: row.jobName})
ON CREATE SET j.searchText = replace(replace(replace(replace(replace(row.jobName, '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' ')
MERGE (r)-[:OF]->(j)
WITH r, row
// One row at a time, so that a later row of the same run (one group commit can hold several events of a
// run) is compared with the state the earlier row left, not with the state before the statement.
CALL {
  WITH r, row
  WITH r, row,
         r.stateRank IS NULL OR row.rank > r.stateRank
         OR (row.rank = r.stateRank AND (row.eventTime > r.stateTime
           OR (row.eventTime = r.stateTime AND coalesce(row.eventType, '') > coalesce(r.state, '')))) AS wins
  SET r += row.facets,
      r.jobNamespace = row.jobNamespace,
      r.jobName = row.jobName,
      r.firstEventTime = CASE WHEN r.firstEventTime IS NULL OR row.eventTime < r.firstEventTime THEN row.eventTime ELSE r.firstEventTime END,
      r.startEventTime = CASE WHEN row.eventType = 'START' AND (r.startEventTime IS NULL OR row.eventTime < r.startEventTime)
                              THEN row.eventTime ELSE r.startEventTime END,
      r.errorMessage = coalesce(row.errorMessage, r.errorMessage),
      r.state = CASE WHEN wins THEN coalesce(row.eventType, 'OTHER') ELSE r.state END,
      r.endedAt = CASE WHEN wins THEN (CASE WHEN row.rank = 3 THEN row.eventTime END) ELSE r.endedAt END,
      r.stateTime = CASE WHEN wins THEN row.eventTime ELSE r.stateTime END,
      r.stateRank = CASE WHEN wins THEN row.rank ELSE r.stateRank END
}
