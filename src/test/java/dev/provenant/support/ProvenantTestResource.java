package dev.provenant.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} run a fresh data directory and a free Bolt port, so the embedded
 * Neo4j of the test application never collides with a developer's running instance.
 */
public class ProvenantTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("provenant-test-");
            return Map.of(
                    "provenant.data-dir", dataDir.toString(),
                    "provenant.neo4j.bolt-port", String.valueOf(FreePorts.next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
