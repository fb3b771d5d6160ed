package dev.provenant.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Reading the access log for admins: pages for the API, everything in a range for exports. */
@ApplicationScoped
public class AccessLogService {

    /**
     * One entry as the API shows it; {@code detail} as JSON (null when the entry has none).
     */
    public record EntryView(long seq, Instant at, String method, String path, String route, String query, int status,
            String callerId, String callerName, String role, String client, long durationMs, JsonNode detail,
            String hash, String prevHash, String chainHash) {

        static EntryView of(StoredAccessEntry stored) {
            AccessLogEntry e = stored.entry();
            return new EntryView(stored.seq(), e.at(), e.method(), e.path(), e.route(), e.query(), e.status(),
                    e.callerId(), e.callerName(), e.role(), e.client(), e.durationMs(), parse(e.detail()), stored.hash(),
                    stored.prevHash(), stored.chainHash());
        }

        /** A detail that is not JSON (written by hand into the database) is shown as a JSON string. */
        private static JsonNode parse(String detail) {
            if (detail == null) {
                return null;
            }
            try {
                return DETAIL_READER.readTree(detail);
            } catch (JsonProcessingException notJson) {
                return TextNode.valueOf(detail);
            }
        }
    }

    private static final ObjectMapper DETAIL_READER = new ObjectMapper();

    /** A page of entries; pass {@code nextAfterSeq} as {@code afterSeq} for the next one (null: no more). */
    public record Page(List<EntryView> entries, Long nextAfterSeq) {}

    /** What the admin page narrows the log to; null parts do not narrow. */
    public record Filter(Instant from, Instant to, String caller, String path, Integer status) {}

    /** A page newest first; pass {@code nextBeforeSeq} as {@code beforeSeq} for older entries (null: no more). */
    public record NewestPage(List<EntryView> entries, Long nextBeforeSeq) {}

    private static final int EXPORT_PAGE = 1000;

    private final AccessLogRepository repository;

    public AccessLogService(AccessLogRepository repository) {
        this.repository = repository;
    }

    public Page page(Instant from, Instant to, long afterSeq, int limit) {
        List<EntryView> entries = repository.find(from, to, afterSeq, limit).stream().map(EntryView::of).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
        return new Page(entries, next);
    }

    public NewestPage newest(Filter filter, Long beforeSeq, int limit) {
        List<EntryView> entries = repository.findNewest(filter, beforeSeq, limit).stream().map(EntryView::of).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
        return new NewestPage(entries, next);
    }

    /**
     * The entries whose path or query string contains any of the needles (as sent: query strings are
     * stored URL-encoded), in seq order, at most {@code limit}.
     */
    public List<EntryView> mentioning(List<String> needles, int limit) {
        if (needles.isEmpty()) {
            return List.of();
        }
        return repository.findMentioning(needles, limit).stream().map(EntryView::of).toList();
    }

    /** Every entry in the range, in seq order, a page at a time. */
    public void export(Instant from, Instant to, Consumer<EntryView> sink) {
        long after = 0;
        while (true) {
            List<StoredAccessEntry> page = repository.find(from, to, after, EXPORT_PAGE);
            page.forEach(stored -> sink.accept(EntryView.of(stored)));
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }
}
