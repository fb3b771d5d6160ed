package dev.provenant.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.zip.GZIPOutputStream;

/** A parsed event waiting for the group-commit writer, with its compressed payload for the event log. */
record QueuedEvent(ParsedEvent event, byte[] gzippedPayload, OffsetDateTime receivedAt) {

    /** Compresses the canonical JSON on the caller's thread, so the single writer thread does not. */
    static QueuedEvent of(ParsedEvent event, OffsetDateTime receivedAt) {
        byte[] json = event.canonicalJson();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueuedEvent(event, out.toByteArray(), receivedAt);
    }
}
