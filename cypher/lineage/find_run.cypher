// One run with its job and parent run.
// Parameters: $runId. Returns: run (node), job (node or null), parent (node or null), parentJob (node or null)
MATCH (run:Run {runId: $runId})
OPTIONAL MATCH (run)-[:OF]->(job:Job)
OPTIONAL MATCH (run)-[:CHILD_OF]->(parent:Run)
OPTIONAL MATCH (parent)-[:OF]->(parentJob:Job)
RETURN run, job, parent, parentJob
LIMIT 1
