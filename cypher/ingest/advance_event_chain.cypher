// Moves the head of the event hash chain after appending events.
// Parameters: $seq (new last sequence number), $head (hash of the new last event), $chain (its chain hash)
MATCH (c:EventChain {id: 'events'})
SET c.seq = $seq, c.head = $head, c.chain = $chain
