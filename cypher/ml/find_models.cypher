// Datasets labelled :Model, in namespace and name order, one page.
// Parameters: $skip, $limit. Returns: dataset (node), labels
MATCH (d:Model)
WITH d ORDER BY d.namespace, d.name
SKIP $skip LIMIT $limit
RETURN d AS dataset, labels(d) AS labels
