package dev.provenant.neo4j;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Cypher statements of {@code cypher/}, one per file, read from the classpath. A repository asks for
 * its statements in its constructor, so a missing file stops the application at start-up.
 */
@ApplicationScoped
public class CypherCatalog {

    private final Map<String, String> statements = new ConcurrentHashMap<>();

    /** @param name path below {@code cypher/} without the extension, e.g. {@code ingest/merge_runs} */
    public String get(String name) {
        return statements.computeIfAbsent(name, CypherCatalog::load);
    }

    static String load(String name) {
        String resource = "cypher/" + name + ".cypher";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cypher statement " + resource + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("Cypher statement " + resource + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
