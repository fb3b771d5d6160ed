package dev.provenant.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.config.ProvenantConfig;
import dev.provenant.neo4j.DatabaseAvailability;
import dev.provenant.neo4j.DatabaseFailures;
import dev.provenant.neo4j.Neo4jBootstrap;
import dev.provenant.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Validates request bodies into events and hands them to the group-commit writer. */
@ApplicationScoped
public class IngestService {

    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    private final GroupCommitWriter writer;
    private final Neo4jBootstrap bootstrap;
    private final DatabaseAvailability database;
    private final ProvenantConfig config;
    private final Counter rejected;

    public IngestService(GroupCommitWriter writer, Neo4jBootstrap bootstrap, DatabaseAvailability database,
            ProvenantConfig config, MeterRegistry registry) {
        this.writer = writer;
        this.bootstrap = bootstrap;
        this.database = database;
        this.config = config;
        this.rejected = registry.counter("provenant.ingest.events", "outcome", "rejected");
    }

    /** One event; the stage completes once it is durable. */
    public CompletionStage<IngestOutcome> ingestOne(byte[] body) {
        requireReady();
        ParsedEvent event;
        try {
            event = EventParser.parse(body);
        } catch (ApiException e) {
            rejected.increment();
            throw e;
        }
        return await(writer.submit(List.of(event))).thenApply(outcomes -> outcomes.get(0));
    }

    /** A JSON array or NDJSON; valid items are written together, invalid ones answered item by item. */
    public CompletionStage<BatchResult> ingestBatch(byte[] body) {
        requireReady();
        List<Object> items = BatchItems.split(body, config.ingest().maxBatchItems());
        List<ParsedEvent> valid = new ArrayList<>();
        List<BatchResult.Item> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                Object item = items.get(i);
                ParsedEvent event = item instanceof JsonNode node ? EventParser.parse(node)
                        : EventParser.parse((byte[]) item);
                valid.add(event);
                results.add(null); // filled in after the commit
            } catch (ApiException e) {
                rejected.increment();
                results.add(new BatchResult.Item(i, "rejected", null, null, e.body()));
            }
        }
        CompletionStage<List<IngestOutcome>> written = valid.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : await(writer.submit(valid));
        return written.thenApply(outcomes -> {
            int next = 0;
            int accepted = 0;
            int duplicates = 0;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == null) {
                    IngestOutcome outcome = outcomes.get(next++);
                    results.set(i, new BatchResult.Item(i, outcome.status(), outcome.hash(), outcome.seq(), null));
                    if (outcome.created()) {
                        accepted++;
                    } else {
                        duplicates++;
                    }
                }
            }
            int rejectedCount = results.size() - accepted - duplicates;
            boolean allRejected = rejectedCount > 0 && rejectedCount == results.size();
            return new BatchResult(allRejected ? "invalid_batch" : null,
                    allRejected ? "every item was rejected; nothing was written" : null,
                    accepted, duplicates, rejectedCount, List.copyOf(results));
        });
    }

    private void requireReady() {
        if (!bootstrap.isReady()) {
            throw ApiException.unavailable("not_ready", "the database is not ready yet", DATABASE_RETRY_AFTER);
        }
        if (!database.isAvailable()) {
            throw ApiException.unavailable("database_unavailable", "Neo4j is unavailable; retry after the delay",
                    DATABASE_RETRY_AFTER);
        }
    }

    private <T> CompletionStage<T> await(CompletableFuture<T> commit) {
        long millis = config.ingest().commitTimeout().toMillis();
        return commit.orTimeout(millis, TimeUnit.MILLISECONDS).exceptionallyCompose(
                failure -> CompletableFuture.failedFuture(translate(failure)));
    }

    static RuntimeException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof TimeoutException) {
            return ApiException.unavailable("commit_timeout",
                    "the write was not confirmed in time; it may still land, and posting it again is safe",
                    DATABASE_RETRY_AFTER);
        }
        if (DatabaseFailures.isUnavailable(cause)) {
            return ApiException.unavailable("database_unavailable", "Neo4j is unavailable: " + cause.getMessage(),
                    DATABASE_RETRY_AFTER);
        }
        return new ApiException(500, "write_failed", "the event could not be written: " + cause.getMessage(), null);
    }
}
