// Counts for the stats endpoint, served from Neo4j's count store.
// Returns: events, datasets, fields, jobs, runs, models
CALL { MATCH (n:Event) RETURN count(n) AS events }
CALL { MATCH (n:Dataset) RETURN count(n) AS datasets }
CALL { MATCH (n:Field) RETURN count(n) AS fields }
CALL { MATCH (n:Job) RETURN count(n) AS jobs }
CALL { MATCH (n:Run) RETURN count(n) AS runs }
CALL { MATCH (n:Model) RETURN count(n) AS models }
RETURN events, datasets, fields, jobs, runs, models
