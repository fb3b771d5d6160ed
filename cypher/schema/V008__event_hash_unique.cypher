// The SHA-256 of an event's canonical JSON: the same event is stored once.
CREATE CONSTRAINT event_hash IF NOT EXISTS FOR (e:Event) REQUIRE e.hash IS UNIQUE
