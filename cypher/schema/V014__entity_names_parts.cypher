// Full-text search over the parts of names: Lucene's standard tokenizer keeps dotted and underscored
// names such as default.tbl1 or public.orders_raw as one token, so nodes carry a derived searchText (the
// name, for fields the path, with . _ : / - replaced by spaces; ingest sets it the same way) and the
// index entity_names is rebuilt over it with an analyzer that keeps digits and stop words.
// Three statements, each run in its own transaction: drop the old index, backfill, create the new one.
DROP INDEX entity_names IF EXISTS;
MATCH (n) WHERE n:Dataset OR n:Job OR n:Field
CALL (n) {
  SET n.searchText = replace(replace(replace(replace(replace(coalesce(n.path, n.name), '.', ' '), '_', ' '), ':', ' '), '/', ' '), '-', ' ')
} IN TRANSACTIONS OF 10000 ROWS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Dataset|Field|Job) ON EACH [n.searchText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}
