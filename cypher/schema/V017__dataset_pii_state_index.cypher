// PII roll-ups (overview counts, exposed datasets) look fields and datasets up by their state.
CREATE INDEX dataset_pii_state IF NOT EXISTS FOR (d:Dataset) ON (d.piiState)
