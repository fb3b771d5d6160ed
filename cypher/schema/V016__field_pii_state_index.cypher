// PII roll-ups (overview counts, exposed datasets) look fields and datasets up by their state.
CREATE INDEX field_pii_state IF NOT EXISTS FOR (f:Field) ON (f.piiState)
