// Takes the write lock on the head of the access-log hash chain, then reads it, so appends from
// several instances are serialised and the chain never forks.
// Parameters: none
// Returns: seq (last sequence number, 0 when empty), head (hash of the last entry, null when empty),
//   chain (chain hash of the last entry, null when empty)
MERGE (c:AccessLogChain {id: 'access-log'})
ON CREATE SET c.seq = 0
SET c.lockedAt = datetime()
RETURN c.seq AS seq, c.head AS head, c.chain AS chain
