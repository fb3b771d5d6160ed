// The dataset versions a run read: the version facet when sent, else the dataset's newest written
// version, else the dataset's 'unversioned' state. Input facets are kept on the READ edge.
// Parameters: $rows (list of {runId, namespace, name, version, facets, eventTime})
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
WITH r, d, row, coalesce(row.version, d.currentVersion, 'unversioned') AS version
MERGE (v:DatasetVersion {namespace: row.namespace, name: row.name, version: version})
ON CREATE SET v.firstSeen = row.eventTime
SET v.firstSeen = CASE WHEN row.eventTime < v.firstSeen THEN row.eventTime ELSE v.firstSeen END
MERGE (v)-[:VERSION_OF]->(d)
MERGE (r)-[e:READ]->(v)
SET e += row.facets
