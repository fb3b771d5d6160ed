package dev.provenant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * After ten wrong tokens in a minute from one address, that address gets 429 with Retry-After for any
 * request that needs a token, the right token included, while other addresses go on as before. The
 * test speaks HTTP from its own loopback addresses (127.0.0.2, .3) so the other tests, which all come
 * from 127.0.0.1, are not blocked.
 */
@QuarkusTest
class FailedAuthLimitIT {

    /** Status line and headers of a GET sent from {@code from} with an optional bearer token. */
    private static String get(String from, String path, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void tenFailuresBlockTheAddressForTheWindow() throws IOException {
        for (int i = 0; i < 10; i++) {
            assertThat(status(get("127.0.0.2", "/api/v1/stats", "wrong-" + i))).as("failure %d", i + 1).isEqualTo(401);
        }
        String blocked = get("127.0.0.2", "/api/v1/stats", "wrong-again");
        assertThat(status(blocked)).isEqualTo(429);
        assertThat(blocked).containsPattern("(?i)retry-after: \\d+").contains("too_many_failures")
                .contains("X-Content-Type-Options");
        assertThat(status(get("127.0.0.2", "/api/v1/stats", TestResources.ADMIN_TOKEN)))
                .as("the right token does not help a blocked address").isEqualTo(429);
        assertThat(status(get("127.0.0.2", "/q/health/live", null))).as("public routes stay open").isEqualTo(200);

        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/stats").then().statusCode(200);
        assertThat(status(get("127.0.0.3", "/api/v1/stats", TestResources.ADMIN_TOKEN))).isEqualTo(200);
    }

    @Test
    void requestsWithoutATokenAreNotCountedAsFailures() throws IOException {
        for (int i = 0; i < 15; i++) {
            assertThat(status(get("127.0.0.4", "/api/v1/stats", null))).isEqualTo(401);
        }
        assertThat(status(get("127.0.0.4", "/api/v1/stats", TestResources.ADMIN_TOKEN))).isEqualTo(200);
    }
}
