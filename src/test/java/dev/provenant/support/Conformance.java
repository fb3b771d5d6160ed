package dev.provenant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus of real OpenLineage events and DVC pipelines in ../shared/conformance. */
public final class Conformance {

    private Conformance() {}

    public static Path dir() {
        Path dir = Path.of(System.getProperty("conformance.dir", "../shared/conformance"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("conformance corpus not found at " + dir.toAbsolutePath()
                    + "; the project expects ../shared/conformance beside it");
        }
        return dir;
    }

    public static Path openLineage(String relative) {
        return dir().resolve("openlineage").resolve(relative);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of an NDJSON file. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event file below openlineage/, relative to it, sorted. */
    public static List<String> allOpenLineageFiles() {
        Path root = dir().resolve("openlineage");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
