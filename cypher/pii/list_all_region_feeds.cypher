// Every current column lineage hop, for a full recompute: one relationship type scan (FEEDS only joins
// fields). Its ends are internal ids, joined to list_all_region_fields' rows of the same recompute:
// reading three properties of both ends of 779,244 edges took four times as long. FEEDS edges are unique
// per source, target, job, type and subtype, so no DISTINCT is needed.
// Parameters: none
// Returns: fromId, toId, jobNamespace, jobName, type, subtype, masking
MATCH (src)-[e:FEEDS]->(f)
WITH id(src) AS fromId, id(f) AS toId, e {.current, .jobNamespace, .jobName, .type, .subtype, .masking} AS p
WHERE p.current
RETURN fromId, toId, p.jobNamespace AS jobNamespace, p.jobName AS jobName, p.type AS type, p.subtype AS subtype,
       coalesce(p.masking, false) AS masking
