package dev.provenant.ingest;

/** What happened to one event: {@code created} (appended at {@code seq}) or {@code duplicate} of a stored one. */
public record IngestOutcome(String status, String hash, long seq) {

    public static final String CREATED = "created";
    public static final String DUPLICATE = "duplicate";

    public boolean created() {
        return CREATED.equals(status);
    }
}
