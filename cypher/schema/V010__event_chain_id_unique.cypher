// The single head of the event hash chain; its lock serialises appends across instances.
CREATE CONSTRAINT event_chain_id IF NOT EXISTS FOR (c:EventChain) REQUIRE c.id IS UNIQUE
