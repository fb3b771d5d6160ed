// How many fields and datasets are in each non-CLEAR state, and how many of each there are in all.
// Parameters: none
// Returns: kind (FIELD or DATASET), state (null = CLEAR), count
MATCH (f:Field)
RETURN 'FIELD' AS kind, f.piiState AS state, count(*) AS count
UNION ALL
MATCH (d:Dataset)
RETURN 'DATASET' AS kind, d.piiState AS state, count(*) AS count
