// Takes the write lock on the head of the event hash chain, then reads it. Every ingest transaction
// starts here, so appends are serialised across instances and the chain never forks.
// Returns: seq (last sequence number, 0 when empty), head (hash of the last event, null when empty),
//   chain (chain hash of the last event, null when empty)
MERGE (c:EventChain {id: 'events'})
ON CREATE SET c.seq = 0
SET c.lockedAt = datetime()
RETURN c.seq AS seq, c.head AS head, c.chain AS chain
