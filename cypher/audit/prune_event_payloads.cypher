// Retention: drops the raw payload of events received before the cut-off, a batch at a time. The hash,
// prevHash and chainHash stay, so the chain still verifies; payloadPrunedAt marks the payload as pruned.
// Parameters: $cutoff (datetime), $prunedAt (datetime), $limit
// Returns: pruned (number of payloads dropped)
MATCH (e:Event)
WHERE e.receivedAt < $cutoff AND e.payload IS NOT NULL
WITH e LIMIT $limit
SET e.payload = null, e.payloadPrunedAt = $prunedAt
RETURN count(e) AS pruned
