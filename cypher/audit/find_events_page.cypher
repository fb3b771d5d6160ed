// A page of the event log in seq order, for verifying the hash chain.
// Parameters: $afterSeq, $toSeq (inclusive), $limit
// Returns: seq, hash, prevHash, chainHash, payload (gzip bytes, null when pruned), payloadBytes, payloadPrunedAt
MATCH (e:Event)
WHERE e.seq > $afterSeq AND e.seq <= $toSeq
RETURN e.seq AS seq, e.hash AS hash, e.prevHash AS prevHash, e.chainHash AS chainHash, e.payload AS payload,
       e.payloadBytes AS payloadBytes, e.payloadPrunedAt AS payloadPrunedAt
ORDER BY e.seq
LIMIT $limit
