// Every dataset with its raw tags facet and the digest of its stored PII verdict: the region of a full
// recompute, read with one label scan instead of a lookup per key.
// Parameters: none
// Returns: namespace, name, tags (JSON string or null), piiDigest
MATCH (d:Dataset)
RETURN d.namespace AS namespace, d.name AS name, d.`facet.tags` AS tags, d.piiDigest AS piiDigest
