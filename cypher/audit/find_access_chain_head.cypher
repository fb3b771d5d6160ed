// The head of the access-log chain, read before verifying so that entries appended meanwhile are left out.
// Parameters: none
// Returns: seq, head, chain (no row when nothing was ever logged)
MATCH (c:AccessLogChain {id: 'access-log'})
RETURN c.seq AS seq, c.head AS head, c.chain AS chain
