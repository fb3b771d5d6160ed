package dev.provenant.bench;

import dev.provenant.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh Provenant started from the production jar as a user runs it (embedded Neo4j, default
 * settings), on a temporary data directory and free loopback ports, with a fixed admin token. Samples
 * the process's resident memory in the background so a suite can ask for the peak of a phase.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "bench-admin-token";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int boltPort;
    private final double startToReadySeconds;
    private final Thread sampler;
    private volatile double peakRssMb;

    private ServerProcess(Process process, Path dataDir, Path log, int httpPort, int boltPort,
            double startToReadySeconds) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.httpPort = httpPort;
        this.boltPort = boltPort;
        this.startToReadySeconds = startToReadySeconds;
        this.sampler = new Thread(this::sampleRss, "bench-rss-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** Starts the server, waits for {@code /q/health/ready} and times that from process start. */
    public static ServerProcess start(BenchContext context, String label, boolean jfr) throws IOException {
        Path dataDir = Files.createTempDirectory("provenant-bench-");
        int httpPort = FreePorts.next();
        int boltPort = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jfr) {
            Path recording = context.outDir().resolve(label + "-server.jfr");
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        // BENCH_SERVER_OPTS: extra JVM options for the server (e.g. -Xmx384m to see memory under a bounded
        // heap); empty by default, so the server runs as the README starts it.
        String extra = System.getenv().getOrDefault("BENCH_SERVER_OPTS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dprovenant.data-dir=" + dataDir);
        command.add("-Dprovenant.neo4j.bolt-port=" + boltPort);
        command.add("-Dprovenant.auth.admin-token=" + ADMIN_TOKEN);
        command.add("-jar");
        command.add(context.jar().toString());
        Path log = context.outDir().resolve(label + "-server.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        awaitReady(process, httpPort, log);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ServerProcess(process, dataDir, log, httpPort, boltPort, seconds);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The embedded database's Bolt endpoint (no authentication by default), for bulk loaders. */
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public long pid() {
        return process.pid();
    }

    public double startToReadySeconds() {
        return startToReadySeconds;
    }

    public double rssMb() {
        return Machine.procStatusMb(process.pid(), "VmRSS");
    }

    /** Highest resident set sampled since the last reset (every 100 ms). */
    public double peakRssMb() {
        return Math.max(peakRssMb, rssMb());
    }

    public void resetPeakRss() {
        peakRssMb = rssMb();
    }

    private void sampleRss() {
        while (process.isAlive()) {
            peakRssMb = Math.max(peakRssMb, rssMb());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (so a JFR recording is written), then the data directory goes. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.interrupt();
        deleteRecursively(dataDir);
    }

    private static void awaitReady(Process process, int httpPort, Path log) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Provenant exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Provenant not ready within " + READY_TIMEOUT + "; see " + log);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
