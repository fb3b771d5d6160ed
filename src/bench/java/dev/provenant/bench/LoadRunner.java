package dev.provenant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code concurrency} threads each run the operation again as soon as it returns,
 * until either the operation count or the time bound is reached. Every operation is timed.
 */
public final class LoadRunner {

    /** One request (or one write); {@code sequence} numbers the events it carries. Returns an outcome label. */
    @FunctionalInterface
    public interface Operation {
        String run(long sequence) throws Exception;
    }

    public record Result(String name, int concurrency, int eventsPerOperation, long operations, long failures,
            double seconds, Latencies latencies, java.util.Map<String, Long> outcomes, String firstFailure) {

        public double eventsPerSecond() {
            return seconds == 0 ? 0 : (operations - failures) * (double) eventsPerOperation / seconds;
        }

        public String summary() {
            return String.format("%-22s c=%-3d ops=%-7d failed=%-5d %6.1fs %9.1f events/s p50=%7.2fms p99=%8.2fms %s",
                    name, concurrency, operations, failures, seconds, eventsPerSecond(), latencies.percentileMs(0.50),
                    latencies.percentileMs(0.99), firstFailure == null ? "" : "first failure: " + firstFailure);
        }
    }

    /** What a successful operation returns. */
    public static final String OK = "ok";

    private LoadRunner() {}

    public static Result run(String name, int concurrency, int eventsPerOperation, long maxOperations, Duration maxTime,
            AtomicLong sequences, Operation operation) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ConcurrentHashMap<String, Long> outcomes = new ConcurrentHashMap<>();
        List<Latencies> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        long deadline = begin + maxTime.toNanos();
        for (int t = 0; t < concurrency; t++) {
            Latencies latencies = new Latencies();
            perThread.add(latencies);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline && started.getAndIncrement() < maxOperations) {
                    long sequence = sequences.getAndAdd(eventsPerOperation);
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = operation.run(sequence);
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    latencies.add(System.nanoTime() - t0);
                    outcomes.merge(outcome.length() > 80 ? outcome.substring(0, 80) : outcome, 1L, Long::sum);
                    if (!OK.equals(outcome)) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, outcome);
                    }
                }
            }, "bench-" + name + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Latencies all = new Latencies();
        perThread.forEach(all::addAll);
        Result result = new Result(name, concurrency, eventsPerOperation, all.count(), failures.get(), seconds, all,
                java.util.Map.copyOf(outcomes), firstFailure.get());
        System.out.println(result.summary());
        return result;
    }
}
