// How many datasets there are (from the count store): an update whose region is a large part of the
// graph reads the whole graph with scans instead, which is cheaper than looking the region up by key.
// Parameters: none
// Returns: datasets
MATCH (d:Dataset)
RETURN count(d) AS datasets
