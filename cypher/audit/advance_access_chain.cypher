// Moves the head of the access-log hash chain after appending entries.
// Parameters: $seq (new last sequence number), $head (hash of the new last entry), $chain (its chain hash)
// Returns: nothing
MATCH (c:AccessLogChain {id: 'access-log'})
SET c.seq = $seq, c.head = $head, c.chain = $chain
