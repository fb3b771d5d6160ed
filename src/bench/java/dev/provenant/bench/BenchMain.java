package dev.provenant.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Entry point of {@code bench/run <suite> [--quick] [--jfr]}. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String suiteName = null;
        boolean quick = false;
        boolean jfr = false;
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> quick = true;
                case "--jfr" -> jfr = true;
                default -> {
                    if (arg.startsWith("-") || suiteName != null) {
                        fail("unexpected argument '" + arg + "'\n" + usage());
                    }
                    suiteName = arg;
                }
            }
        }
        Map<String, BenchSuite> suites = discoverSuites();
        if (suiteName == null) {
            fail(usage() + "\nknown suites: " + String.join(", ", suites.keySet()));
        }
        BenchSuite suite = suites.get(suiteName);
        if (suite == null) {
            fail("unknown suite '" + suiteName + "'; known suites: " + String.join(", ", suites.keySet()));
        }
        Path projectDir = Path.of(System.getProperty("bench.project-dir", ".")).toAbsolutePath().normalize();
        Path jar = projectDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing; bench/run builds it with ./mvnw -B -q package -DskipTests");
        }
        Path outDir = Files.createDirectories(projectDir.resolve("target/bench"));
        BenchContext context = new BenchContext(quick, jfr, projectDir, jar, outDir);
        long started = System.nanoTime();
        Report report = suite.run(context);
        report.put("mode", quick ? "quick" : "full");
        report.put("bench_duration_s", Report.round((System.nanoTime() - started) / 1e9, 1));
        Path json = outDir.resolve(suiteName + ".json");
        report.writeJson(json);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Results written to " + projectDir.relativize(json));
        // Embedded Neo4j and HTTP client threads may linger; the results are written, so leave now.
        System.exit(0);
    }

    /** Every class {@code dev.provenant.bench.*Suite} on the classpath, by its {@link BenchSuite#name()}. */
    static Map<String, BenchSuite> discoverSuites() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path root = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(BenchMain.class.getPackageName().replace('.', '/'));
        List<String> classNames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Suite.class") && !n.contains("$"))
                    .forEach(n -> classNames.add(n.substring(0, n.length() - ".class".length())));
        }
        Map<String, BenchSuite> suites = new TreeMap<>();
        for (String simpleName : classNames) {
            Class<?> type = Class.forName(BenchMain.class.getPackageName() + "." + simpleName);
            if (BenchSuite.class.isAssignableFrom(type) && !type.isInterface()) {
                BenchSuite suite = (BenchSuite) type.getDeclaredConstructor().newInstance();
                suites.put(suite.name(), suite);
            }
        }
        return suites;
    }

    private static String usage() {
        return "usage: bench/run <suite> [--quick] [--jfr]";
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
