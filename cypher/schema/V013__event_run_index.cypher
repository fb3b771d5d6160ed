// The events of one run, for run pages and audits.
CREATE INDEX event_run IF NOT EXISTS FOR (e:Event) ON (e.runId)
