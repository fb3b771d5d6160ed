// Every current column lineage hop, for a full recompute (one relationship scan). FEEDS edges are
// unique per source, target, job, type and subtype, so no DISTINCT is needed.
// Parameters: none
// Returns: fromNamespace, fromName, fromField, toNamespace, toName, toField, jobNamespace, jobName,
//   type, subtype, masking
MATCH (src:Field)-[e:FEEDS]->(f:Field)
WHERE e.current
RETURN src.namespace AS fromNamespace, src.dataset AS fromName, src.path AS fromField,
       f.namespace AS toNamespace, f.dataset AS toName, f.path AS toField, e.jobNamespace AS jobNamespace,
       e.jobName AS jobName, e.type AS type, e.subtype AS subtype, coalesce(e.masking, false) AS masking
