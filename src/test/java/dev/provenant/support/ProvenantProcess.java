package dev.provenant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production build ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, as a
 * user runs it: for restarts on the same data directory, signals, and external-database mode.
 */
public final class ProvenantProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int boltPort;

    private ProvenantProcess(Process process, Path log, int httpPort, int boltPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.boltPort = boltPort;
    }

    /** Starts the server with these {@code -D} settings and waits until it reports ready. */
    public static ProvenantProcess start(Path dataDir, Map<String, String> settings) {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify, which packages first");
        }
        int httpPort = FreePorts.next();
        int boltPort = Integer.parseInt(settings.getOrDefault("provenant.neo4j.bolt-port",
                String.valueOf(FreePorts.next())));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dprovenant.data-dir=" + dataDir);
        command.add("-Dprovenant.neo4j.bolt-port=" + boltPort);
        command.add("-Dprovenant.neo4j.page-cache=64M");
        settings.forEach((key, value) -> {
            if (!key.equals("provenant.neo4j.bolt-port")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path logs = Files.createDirectories(Path.of("target", "process-logs"));
            Path log = Files.createTempFile(logs, "provenant-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ProvenantProcess server = new ProvenantProcess(process, log, httpPort, boltPort);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Bolt URI of the embedded database, for reading the graph directly. */
    public String boltUri() {
        return "bolt://localhost:" + boltPort;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Heap the server still uses after a full collection, in KiB (jcmd GC.run, then GC.heap_info): what
     * it really keeps. RSS also holds heap that G1 committed once and keeps, so it grows with the
     * allocation rate up to -Xmx without any leak.
     */
    public long liveHeapKb() {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), command).redirectErrorStream(true)
                    .start();
            String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resident set size of the server process in KiB, from /proc (Linux only). */
    public long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid() + "/status");
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then waits for the process to end; returns how long that took. */
    public Duration terminate(Duration bound) throws InterruptedException {
        Instant start = Instant.now();
        process.destroy();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within " + bound + " after SIGTERM\n" + tail());
        }
        return Duration.between(start, Instant.now());
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. Waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server still alive 30 s after SIGKILL");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + " before it was ready\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep();
        }
        close();
        throw new AssertionError("server not ready within " + READY_TIMEOUT + "\n" + tail());
    }

    private String tail() {
        String text = log();
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
