package dev.provenant.audit;

import dev.provenant.ingest.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Walks the event log and the access log link by link and recomputes every hash: each payload (or
 * access-log entry) must hash to its stored {@code hash}, each {@code prevHash} must be the previous
 * link's hash, each {@code chainHash} must be SHA-256(previous chainHash + hash), seq must run 1, 2, 3
 * without gaps, and the chain head must name the last link. Only links up to the head read at the
 * start are checked, so appends during verification do not disturb it. A payload pruned by retention
 * is checked as hash-only. Each chain stops at its first broken link.
 */
@ApplicationScoped
public class ChainVerifier {

    static final String EVENTS = "events";
    static final String ACCESS_LOG = "access-log";
    private static final int PAGE = 200;

    private final EventChainRepository events;
    private final AccessLogRepository accessLog;

    public ChainVerifier(EventChainRepository events, AccessLogRepository accessLog) {
        this.events = events;
        this.accessLog = accessLog;
    }

    public VerifyReport verify() {
        VerifyReport.ChainReport eventReport = verifyEvents();
        VerifyReport.ChainReport accessReport = verifyAccessLog();
        VerifyReport.BrokenLink first = eventReport.firstBroken() != null ? eventReport.firstBroken()
                : accessReport.firstBroken();
        return new VerifyReport(first == null, eventReport.checked() + accessReport.checked(), first, eventReport,
                accessReport);
    }

    private VerifyReport.ChainReport verifyEvents() {
        var head = events.head();
        if (head.isEmpty() || head.get().seq() == 0) {
            return new VerifyReport.ChainReport(true, 0, 0, 0, null);
        }
        long headSeq = head.get().seq();
        Walk walk = new Walk(EVENTS);
        long after = 0;
        long pruned = 0;
        while (walk.broken == null && after < headSeq) {
            List<EventChainRepository.EventLink> page = events.page(after, headSeq, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (EventChainRepository.EventLink link : page) {
                if (link.payload() != null) {
                    byte[] canonical = gunzip(link.payload());
                    if (canonical == null) {
                        walk.fail(link.seq(), link.hash(), "payload is not gzip", link.hash(), null);
                    } else if (!CanonicalJson.sha256(canonical).equals(link.hash())) {
                        walk.fail(link.seq(), link.hash(), "payload does not hash to the stored hash", link.hash(),
                                CanonicalJson.sha256(canonical));
                    }
                } else if (link.pruned()) {
                    pruned++;
                } else {
                    walk.fail(link.seq(), link.hash(), "payload is missing and was not pruned by retention", link.hash(),
                            null);
                }
                walk.link(link.seq(), link.hash(), link.prevHash(), link.chainHash(), true);
                if (walk.broken != null) {
                    break;
                }
                after = link.seq();
            }
        }
        walk.end(headSeq, head.get().head(), head.get().chain());
        return new VerifyReport.ChainReport(walk.broken == null, walk.checked, headSeq, pruned, walk.broken);
    }

    private VerifyReport.ChainReport verifyAccessLog() {
        var head = accessLog.head();
        if (head.isEmpty() || head.get().seq() == 0) {
            return new VerifyReport.ChainReport(true, 0, 0, 0, null);
        }
        long headSeq = head.get().seq();
        Walk walk = new Walk(ACCESS_LOG);
        long after = 0;
        while (walk.broken == null && after < headSeq) {
            List<StoredAccessEntry> page = accessLog.find(null, null, after, (int) Math.min(PAGE, headSeq - after));
            if (page.isEmpty()) {
                break;
            }
            for (StoredAccessEntry stored : page) {
                String recomputed = stored.entry().hash();
                if (!recomputed.equals(stored.hash())) {
                    walk.fail(stored.seq(), stored.hash(), "entry does not hash to the stored hash", stored.hash(),
                            recomputed);
                }
                walk.link(stored.seq(), stored.hash(), stored.prevHash(), stored.chainHash(), false);
                if (walk.broken != null) {
                    break;
                }
                after = stored.seq();
            }
        }
        walk.end(headSeq, head.get().head(), head.get().chain());
        return new VerifyReport.ChainReport(walk.broken == null, walk.checked, headSeq, 0, walk.broken);
    }

    /** The state of a walk along one chain. */
    private static final class Walk {
        final String chain;
        long expectedSeq = 1;
        String previousHash;
        String previousChain = "";
        long checked;
        VerifyReport.BrokenLink broken;

        Walk(String chain) {
            this.chain = chain;
        }

        void fail(long seq, String hash, String reason, String expected, String actual) {
            if (broken == null) {
                broken = new VerifyReport.BrokenLink(chain, seq, hash, reason, expected, actual);
            }
        }

        /**
         * Checks seq, prevHash and chainHash of one link. Events stored before chain hashes existed have
         * none; the chain hash of the event after them starts again from the empty string.
         */
        void link(long seq, String hash, String prevHash, String chainHash, boolean chainHashOptional) {
            if (seq != expectedSeq) {
                fail(seq, hash, "seq is out of order (a link is missing or duplicated)", String.valueOf(expectedSeq),
                        String.valueOf(seq));
            }
            if (!Objects.equals(prevHash, previousHash)) {
                fail(seq, hash, "prevHash is not the previous link's hash", previousHash, prevHash);
            }
            if (chainHash == null && chainHashOptional) {
                previousChain = "";
            } else {
                String due = sha256(previousChain + hash);
                if (!due.equals(chainHash)) {
                    fail(seq, hash, "chainHash is not SHA-256(previous chainHash + hash)", due, chainHash);
                }
                previousChain = due;
            }
            if (broken == null) {
                checked++;
            }
            expectedSeq = seq + 1;
            previousHash = hash;
        }

        /** The head read at the start must name the last link checked. */
        void end(long headSeq, String headHash, String headChain) {
            if (broken != null) {
                return;
            }
            if (expectedSeq - 1 != headSeq) {
                fail(expectedSeq, null, "the chain ends before its head", String.valueOf(headSeq),
                        String.valueOf(expectedSeq - 1));
            } else if (!Objects.equals(headHash, previousHash)) {
                fail(headSeq, previousHash, "the chain head names another last hash", headHash, previousHash);
            } else if (headChain != null && !headChain.equals(previousChain)) {
                fail(headSeq, previousHash, "the chain head names another last chainHash", headChain, previousChain);
            }
        }

        private static String sha256(String text) {
            return CanonicalJson.sha256(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The gunzipped bytes, or null when they are not gzip. */
    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException notGzip) {
            return null;
        }
    }
}
