// Retention prunes the payloads of events received before a cut-off.
CREATE INDEX event_received_at IF NOT EXISTS FOR (e:Event) ON (e.receivedAt)
