// The head of the event chain, read before verifying so that events appended meanwhile are left out.
// Parameters: none
// Returns: seq, head, chain (no row when no event was ever stored)
MATCH (c:EventChain {id: 'events'})
RETURN c.seq AS seq, c.head AS head, c.chain AS chain
