// Appends accepted raw events to the hash-chained event log.
// Parameters: $rows (list of {hash, seq, prevHash, chainHash, receivedAt, kind, eventType, eventTime, producer,
//   schemaURL, runId, jobNamespace, jobName, datasetNamespace, datasetName, payload (gzip), payloadBytes})
UNWIND $rows AS row
CREATE (e:Event)
SET e = row
