package dev.provenant.audit;

/**
 * The answer of {@code GET /api/v1/audit/verify}: whether both hash chains are intact, how many links
 * were checked, and the first broken link (null when none), with each chain's own figures.
 */
public record VerifyReport(boolean ok, long checked, BrokenLink firstBroken, ChainReport events,
        ChainReport accessLog) {

    /**
     * Where a chain breaks: which chain, the seq and stored hash of the link, what is wrong, and the
     * value that was due ({@code expected}) beside the one found ({@code actual}).
     */
    public record BrokenLink(String chain, long seq, String hash, String reason, String expected, String actual) {}

    /** One chain: links checked up to the head seen when verification started, payloads pruned by retention. */
    public record ChainReport(boolean ok, long checked, long headSeq, long prunedPayloads, BrokenLink firstBroken) {}
}
