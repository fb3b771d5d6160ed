package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database refuses set-ups that would fail later or expose it. */
class EmbeddedNeo4jTest {

    @TempDir
    Path home;

    @Test
    void boltPortInUseFailsFastNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(home,
                    new EmbeddedNeo4j.Settings("127.0.0.1", taken.getLocalPort(), "neo4j", null, 64L << 20)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is already in use")
                    .hasMessageContaining("provenant.neo4j.bolt-port");
        }
    }

    @Test
    void boltWithoutPasswordOnANonLoopbackAddressIsRefused() {
        assertThatThrownBy(() -> EmbeddedNeo4j.start(home,
                new EmbeddedNeo4j.Settings("0.0.0.0", 0, "neo4j", null, 64L << 20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without authentication");
    }
}
