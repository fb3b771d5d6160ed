// The dataset versions a run wrote: the version facet when sent, else one version per run. The newest
// becomes the dataset's current version. Output facets are kept on the WROTE edge.
// Parameters: $rows (list of {runId, namespace, name, version, facets, eventTime})
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (v:DatasetVersion {namespace: row.namespace, name: row.name, version: row.version})
ON CREATE SET v.firstSeen = row.eventTime, v.runId = row.runId
SET v.firstSeen = CASE WHEN row.eventTime < v.firstSeen THEN row.eventTime ELSE v.firstSeen END
MERGE (v)-[:VERSION_OF]->(d)
MERGE (r)-[e:WROTE]->(v)
SET e += row.facets,
    d.currentVersion = CASE WHEN d.currentVersionAt IS NULL OR row.eventTime >= d.currentVersionAt
                            THEN row.version ELSE d.currentVersion END,
    d.currentVersionAt = CASE WHEN d.currentVersionAt IS NULL OR row.eventTime >= d.currentVersionAt
                              THEN row.eventTime ELSE d.currentVersionAt END
