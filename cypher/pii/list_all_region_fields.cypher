// Every field (nested ones included) with the digest of its stored verdict, for a full recompute: one
// label scan (every field hangs below its dataset, and its namespace and dataset properties name that
// dataset). The digest stands for the verdict, so evidence and trails are not read back.
// Parameters: none
// Returns: namespace, name (dataset), field (path), piiDigest
MATCH (f:Field)
RETURN f.namespace AS namespace, f.dataset AS name, f.path AS field, f.piiDigest AS piiDigest
