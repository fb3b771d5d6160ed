// Retention: deletes runs that ended (or, never finished, were last heard of) before the cut-off, a batch at
// a time, with their relationships (OF, CHILD_OF, READ, WROTE). Jobs, datasets and their versions stay,
// and so do the runs' events in the event log.
// Parameters: $cutoff (datetime), $limit
// Returns: deleted (number of runs)
MATCH (r:Run)
WHERE coalesce(r.endedAt, r.stateTime, r.firstEventTime) < $cutoff
WITH r LIMIT $limit
DETACH DELETE r
RETURN count(*) AS deleted
