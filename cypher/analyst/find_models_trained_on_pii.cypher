// title: Models trained on personal data of a category
// description: Models (datasets labelled :Model) with personal data of the given category upstream of them
// description: or in them, within 30 lineage edges. A source counts when one of its fields carries the
// description: category in a non-CLEAR PII state (or, without such fields, the dataset itself does).
// description: worstState is the most severe state among the sources (RAW, PSEUDONYMISED, AGGREGATED,
// description: INDIRECT, POSSIBLE); sources lists them most severe first, then nearest first.
// param: category string required — PII category, e.g. HEALTH, EMAIL, NAME
// param: namespace string null — only models in this namespace; null for every namespace
// param: includeStale boolean false — also follow lineage edges that are no longer current
// returns: namespace, name, worstState, sources (list of {namespace, name, state, hops})
WITH ['POSSIBLE', 'INDIRECT', 'AGGREGATED', 'PSEUDONYMISED', 'RAW'] AS severity,
     {POSSIBLE: 0, INDIRECT: 1, AGGREGATED: 2, PSEUDONYMISED: 3, RAW: 4} AS rankOf
MATCH (m:Model)
WHERE $namespace IS NULL OR m.namespace = $namespace
MATCH p = (src:Dataset)-[:INPUT_TO|OUTPUTS*0..30]->(m)
WHERE $includeStale OR all(r IN relationships(p) WHERE r.current)
WITH severity, rankOf, m, src, min(length(p)) AS hops
OPTIONAL MATCH (f:Field {namespace: src.namespace, dataset: src.name})
WHERE f.piiState IN severity AND toUpper($category) IN [c IN coalesce(f.piiCategories, []) | toUpper(c)]
WITH severity, rankOf, m, src, hops, max(CASE WHEN f IS NOT NULL THEN rankOf[f.piiState] END) AS fieldRank
WITH severity, m, src, hops, coalesce(fieldRank,
     CASE WHEN src.piiState IN severity
               AND toUpper($category) IN [c IN coalesce(src.piiCategories, []) | toUpper(c)]
          THEN rankOf[src.piiState] END) AS rank
WHERE rank IS NOT NULL
WITH severity, m, src, hops, rank
ORDER BY rank DESC, hops, src.namespace, src.name
WITH severity, m, max(rank) AS worst,
     collect({namespace: src.namespace, name: src.name, state: severity[rank], hops: hops}) AS sources
RETURN m.namespace AS namespace, m.name AS name, severity[worst] AS worstState, sources
ORDER BY worst DESC, namespace, name
