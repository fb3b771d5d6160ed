// The stored events of an audit scope in seq order: run and job events of the given jobs, dataset
// events of the given datasets. Scans the event log (audit packages are rare; no index covers job names).
// Parameters: $jobs (list of {namespace, name}), $datasets (list of {namespace, name}), $limit
// Returns: seq, hash, prevHash, chainHash, kind, eventType, eventTime, runId, receivedAt, payload (gzip bytes
//   or null when pruned), payloadPrunedAt
MATCH (e:Event)
WHERE (e.kind IN ['RUN', 'JOB']
       AND any(k IN $jobs WHERE k.namespace = e.jobNamespace AND k.name = e.jobName))
   OR (e.kind = 'DATASET'
       AND any(k IN $datasets WHERE k.namespace = e.datasetNamespace AND k.name = e.datasetName))
RETURN e.seq AS seq, e.hash AS hash, e.prevHash AS prevHash, e.chainHash AS chainHash, e.kind AS kind,
       e.eventType AS eventType, e.eventTime AS eventTime, e.runId AS runId, e.receivedAt AS receivedAt,
       e.payload AS payload, e.payloadPrunedAt AS payloadPrunedAt
ORDER BY e.seq
LIMIT $limit
