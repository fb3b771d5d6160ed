// Column-level lineage (columnLineage facet): one FEEDS edge per source field, target field, job,
// type and subtype. Masking and description follow the newest report.
// Parameters: $rows (list of {fromNamespace, fromDataset, fromField, toNamespace, toDataset, toField,
//   jobNamespace, jobName, runId, type, subtype, masking, description, eventTime})
// Returns: namespace, name of the datasets holding target fields of edges that appeared, changed currency
//   or masking (for PII updates)
UNWIND $rows AS row
MATCH (src:Field {namespace: row.fromNamespace, dataset: row.fromDataset, path: row.fromField})
MATCH (dst:Field {namespace: row.toNamespace, dataset: row.toDataset, path: row.toField})
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MERGE (src)-[e:FEEDS {jobNamespace: row.jobNamespace, jobName: row.jobName, type: row.type, subtype: row.subtype}]->(dst)
ON CREATE SET e.firstSeen = row.eventTime
WITH j, dst, e, row, e.current AS wasCurrent, coalesce(e.masking, false) AS wasMasking
SET e.masking = CASE WHEN e.lastSeen IS NULL OR row.eventTime >= e.lastSeen THEN row.masking ELSE e.masking END,
    e.description = CASE WHEN e.lastSeen IS NULL OR row.eventTime >= e.lastSeen THEN row.description ELSE e.description END,
    e.current = CASE WHEN j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
                          OR row.runId = j.lastCompletedRun THEN true ELSE coalesce(e.current, false) END,
    e.staleSince = CASE WHEN j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
                          OR row.runId = j.lastCompletedRun THEN null
                       WHEN coalesce(e.current, false) THEN e.staleSince
                       ELSE coalesce(e.staleSince, j.lastCompletedAt) END,
    e.lastRun = CASE WHEN e.lastSeen IS NULL OR row.eventTime >= e.lastSeen THEN row.runId ELSE e.lastRun END,
    e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.eventTime > e.lastSeen THEN row.eventTime ELSE e.lastSeen END,
    e.firstSeen = CASE WHEN row.eventTime < e.firstSeen THEN row.eventTime ELSE e.firstSeen END
WITH dst, e, wasCurrent, wasMasking
WHERE wasCurrent IS NULL OR wasCurrent <> e.current OR wasMasking <> coalesce(e.masking, false)
RETURN DISTINCT dst.namespace AS namespace, dst.dataset AS name
