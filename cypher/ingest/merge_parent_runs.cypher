// Links runs to their parent run (parent run facet); the parent may not have reported yet. A parent job
// created here gets its searchText (schema V014).
// Parameters: $rows (list of {runId, parentRunId, parentJobNamespace, parentJobName})
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})
MERGE (p:Run {runId: row.parentRunId})
ON CREATE SET p.jobNamespace = row.parentJobNamespace, p.jobName = row.parentJobName
MERGE (pj:Job {namespace: row.parentJobNamespace, name: row.parentJobName})
ON CREATE SET pj.searchText = replace(replace(replace(replace(replace(row.parentJobName, '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' ')
MERGE (p)-[:OF]->(pj)
MERGE (r)-[:CHILD_OF]->(p)
