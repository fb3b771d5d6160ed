// Web UI home (interim, until the ml feature's model service lands): datasets classified as models.
// Parameters: $limit
// Returns: namespace, name, lastSeen
MATCH (m:Model)
RETURN m.namespace AS namespace, m.name AS name, m.lastSeen AS lastSeen
ORDER BY m.lastSeen DESC
LIMIT $limit
