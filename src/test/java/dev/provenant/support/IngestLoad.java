package dev.provenant.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Posts a {@link RunEventStream} from many threads, like many pipelines reporting at once, and keeps
 * the ledger a client would: which events were acknowledged (with the hash the server returned) and
 * which requests ended without an acknowledgement, and how. The ledger spans server restarts: start
 * {@link #senders} against each new server process.
 */
public final class IngestLoad {

    /** How one request ended. */
    public enum Ending {
        /** 201 or 200 with a hash for every event. */
        ACKNOWLEDGED,
        /** 503 with the JSON error shape and Retry-After. */
        REFUSED,
        /** No connection: the server was not (or no longer) listening. */
        NOT_CONNECTED,
        /** Connected, but the connection broke before an answer came. */
        DROPPED,
        /** No answer within the request timeout: a hang. */
        TIMED_OUT,
        /** Any other answer: a status or body the API does not promise. */
        UNEXPECTED
    }

    /** A request that got no answer: when it was sent, when it failed, why, and the events it carried. */
    public record Failure(Ending ending, Instant sent, Instant failed, String cause, List<byte[]> events) {

        @Override
        public String toString() {
            return ending + " sent " + sent + " failed " + failed + " (" + cause + ", " + events.size() + " events)";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_UNEXPECTED_KEPT = 20;

    private final RunEventStream stream;
    private final int threads;
    private final Duration requestTimeout;
    private final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<byte[]> unacknowledged = new ConcurrentLinkedQueue<>();
    private final Map<Ending, AtomicLong> requests = new EnumMap<>(Ending.class);
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong longestRequestMillis = new AtomicLong();

    public IngestLoad(RunEventStream stream, int threads, Duration requestTimeout) {
        this.stream = stream;
        this.threads = threads;
        this.requestTimeout = requestTimeout;
        for (Ending ending : Ending.values()) {
            requests.put(ending, new AtomicLong());
        }
    }

    /** Starts the sending threads against one server; they run until closed, the stream ends or {@code limit} passes. */
    public Senders senders(Api api, Duration limit) {
        return new Senders(api, Instant.now().plus(limit));
    }

    /** Events acknowledged so far, by the hash the server answered with. */
    public Map<String, byte[]> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Up to {@code count} acknowledged events spread over the ledger, by hash, to post again. */
    public Map<String, byte[]> sampleAcknowledged(int count) {
        List<String> hashes = acknowledged.keySet().stream().sorted().toList();
        int step = Math.max(1, hashes.size() / Math.max(1, count));
        Map<String, byte[]> sample = new TreeMap<>();
        for (int i = 0; i < hashes.size() && sample.size() < count; i += step) {
            sample.put(hashes.get(i), acknowledged.get(hashes.get(i)));
        }
        return sample;
    }

    public long acknowledgedCount() {
        return acknowledged.size();
    }

    /** Events whose request got no acknowledgement: they may or may not be stored. */
    public List<byte[]> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    public long eventsSent() {
        return eventsSent.get();
    }

    public long requests(Ending ending) {
        return requests.get(ending).get();
    }

    /** 503 answers by their JSON {@code error} code. */
    public Map<String, Long> refusals() {
        return new TreeMap<>(refusals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
    }

    /** A description of each answer outside the API's promises (the first few). */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Every request that got no answer. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public Duration longestRequest() {
        return Duration.ofMillis(longestRequestMillis.get());
    }

    /** Requests by how they ended, for the figures of a report. */
    public Map<String, Long> requestsByEnding() {
        Map<String, Long> byEnding = new TreeMap<>();
        requests.forEach((ending, count) -> byEnding.put(ending.name().toLowerCase(), count.get()));
        return byEnding;
    }

    private Ending send(Api api, RunEventStream.Post post) {
        eventsSent.addAndGet(post.events().size());
        Instant start = Instant.now();
        Ending ending;
        try {
            ending = record(post, api.post(post.path(), post.body(), requestTimeout));
        } catch (UncheckedIOException e) {
            ending = failure(e.getCause());
            failures.add(new Failure(ending, start, Instant.now(), e.getCause().toString(), post.events()));
        }
        longestRequestMillis.accumulateAndGet(Duration.between(start, Instant.now()).toMillis(), Math::max);
        requests.get(ending).incrementAndGet();
        if (ending != Ending.ACKNOWLEDGED) {
            unacknowledged.addAll(post.events());
        }
        return ending;
    }

    private static Ending failure(IOException cause) {
        if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
            return Ending.NOT_CONNECTED;
        }
        return cause instanceof HttpTimeoutException ? Ending.TIMED_OUT : Ending.DROPPED;
    }

    private Ending record(RunEventStream.Post post, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 503 && body != null && body.hasNonNull("error") && response.headers().firstValue("Retry-After").isPresent()) {
            refusals.computeIfAbsent(body.get("error").asText(), k -> new AtomicLong()).incrementAndGet();
            return Ending.REFUSED;
        }
        List<String> hashes = status == 201 || status == 200 ? hashes(post, body) : null;
        if (hashes == null) {
            if (unexpected.size() < MAX_UNEXPECTED_KEPT) {
                unexpected.add(post.path() + " -> " + status + " " + response.headers().map() + " " + response.body());
            }
            return Ending.UNEXPECTED;
        }
        for (int i = 0; i < hashes.size(); i++) {
            acknowledged.put(hashes.get(i), post.events().get(i));
        }
        return Ending.ACKNOWLEDGED;
    }

    /** The hash of each event of the request, or null unless every one was created or a duplicate. */
    private static List<String> hashes(RunEventStream.Post post, JsonNode body) {
        if (body == null) {
            return null;
        }
        if (!post.isBatch()) {
            return body.hasNonNull("hash") ? List.of(body.get("hash").asText()) : null;
        }
        JsonNode results = body.path("results");
        if (results.size() != post.events().size()) {
            return null;
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode item : results) {
            String status = item.path("status").asText();
            if ((!status.equals("created") && !status.equals("duplicate")) || !item.hasNonNull("hash")) {
                return null;
            }
            hashes.add(item.get("hash").asText());
        }
        return hashes;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The threads posting to one server process. Closing them stops them and waits for them (bounded). */
    public final class Senders implements AutoCloseable {

        private final List<Thread> running = new ArrayList<>();
        private final Instant deadline;
        private volatile boolean stopping;

        private Senders(Api api, Instant deadline) {
            this.deadline = deadline;
            for (int i = 0; i < threads; i++) {
                Api own = api.withOwnConnections();
                Thread thread = new Thread(() -> sendUntilStopped(own), "ingest-load-" + i);
                thread.setDaemon(true);
                running.add(thread);
                thread.start();
            }
        }

        private void sendUntilStopped(Api api) {
            while (!stopping && Instant.now().isBefore(deadline)) {
                RunEventStream.Post post = stream.next();
                if (post == null) {
                    return;
                }
                Ending ending = send(api, post);
                if (ending == Ending.NOT_CONNECTED || ending == Ending.DROPPED) {
                    return; // the server is gone for this sender
                }
                if (ending == Ending.REFUSED) {
                    pause(200); // as a client honouring Retry-After would, but short: the test is bounded
                }
            }
        }

        /** Waits until at least {@code events} are acknowledged in all; fails when that takes longer than {@code bound}. */
        public void awaitAcknowledged(long events, Duration bound) {
            Instant until = Instant.now().plus(bound);
            while (acknowledged.size() < events) {
                if (Instant.now().isAfter(until) || running.stream().noneMatch(Thread::isAlive)) {
                    throw new AssertionError("only " + acknowledged.size() + " of " + events + " events acknowledged within "
                            + bound + "; requests by ending " + requestsByEnding() + ", unexpected " + unexpected());
                }
                pause(20);
            }
        }

        /** True once every sender has ended on its own (the server went away or the stream ran out). */
        public boolean allEnded() {
            return running.stream().noneMatch(Thread::isAlive);
        }

        /** Waits until every sender has ended on its own; returns false when {@code bound} passed first. */
        public boolean awaitEnded(Duration bound) {
            Instant until = Instant.now().plus(bound);
            while (!allEnded() && Instant.now().isBefore(until)) {
                pause(20);
            }
            return allEnded();
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            for (Thread thread : running) {
                thread.join(requestTimeout.plusSeconds(5).toMillis());
                if (thread.isAlive()) {
                    throw new AssertionError(thread.getName() + " still sending " + requestTimeout + " after the stop");
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
