package dev.provenant.ingest;

import java.time.OffsetDateTime;

/** A parsed event waiting for the group-commit writer, with its compressed payload for the event log. */
record QueuedEvent(ParsedEvent event, byte[] gzippedPayload, OffsetDateTime receivedAt) {}
