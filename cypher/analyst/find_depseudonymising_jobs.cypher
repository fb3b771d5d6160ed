// title: Jobs that de-pseudonymise
// description: Jobs that join on a PSEUDONYMISED field (column lineage subtype JOIN) and, in the same job,
// description: copy a RAW field of a category the pseudonym shares straight into an output without masking:
// description: the pattern of joining a hashed key back to a lookup of the clear values. Current edges only.
// param: namespace string null — only jobs in this namespace; null for every namespace
// returns: jobNamespace, jobName, categories, joinKeys (list of {namespace, dataset, field}), rawFields (list of {namespace, dataset, field, to})
MATCH (p:Field)-[k:FEEDS {subtype: 'JOIN'}]->(:Field)
WHERE p.piiState = 'PSEUDONYMISED' AND k.current
  AND ($namespace IS NULL OR k.jobNamespace = $namespace)
WITH DISTINCT p, k.jobNamespace AS jobNamespace, k.jobName AS jobName
MATCH (r:Field)-[e:FEEDS {jobNamespace: jobNamespace, jobName: jobName, type: 'DIRECT'}]->(o:Field)
WHERE r.piiState = 'RAW' AND e.current AND NOT coalesce(e.masking, false)
WITH jobNamespace, jobName, p, r, o,
     [c IN coalesce(p.piiCategories, []) WHERE toUpper(c) IN [x IN coalesce(r.piiCategories, []) | toUpper(x)]] AS shared
WHERE size(shared) > 0
UNWIND shared AS category
WITH jobNamespace, jobName, p, r, o, category
ORDER BY category, p.namespace, p.dataset, p.path, r.namespace, r.dataset, r.path, o.dataset, o.path
WITH jobNamespace, jobName,
     collect(DISTINCT toUpper(category)) AS categories,
     collect(DISTINCT {namespace: p.namespace, dataset: p.dataset, field: p.path}) AS joinKeys,
     collect(DISTINCT {namespace: r.namespace, dataset: r.dataset, field: r.path,
                       to: o.namespace + ' ' + o.dataset + ' ' + o.path}) AS rawFields
RETURN jobNamespace, jobName, categories, joinKeys, rawFields
ORDER BY jobNamespace, jobName
