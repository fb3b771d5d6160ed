package dev.provenant.audit;

/** An access-log entry with its place in the chain, as stored and as admins read it. */
public record StoredAccessEntry(long seq, String hash, String prevHash, String chainHash, AccessLogEntry entry) {}
