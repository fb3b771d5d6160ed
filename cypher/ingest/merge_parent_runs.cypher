// Links runs to their parent run (parent run facet); the parent may not have reported yet.
// Parameters: $rows (list of {runId, parentRunId, parentJobNamespace, parentJobName})
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})
MERGE (p:Run {runId: row.parentRunId})
ON CREATE SET p.jobNamespace = row.parentJobNamespace, p.jobName = row.parentJobName
MERGE (pj:Job {namespace: row.parentJobNamespace, name: row.parentJobName})
MERGE (p)-[:OF]->(pj)
MERGE (r)-[:CHILD_OF]->(p)
