package dev.provenant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests that talk to a server process, with its bearer token. */
public record Api(String baseUrl, String token, HttpClient client) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public Api(String baseUrl, String token) {
        this(baseUrl, token, CLIENT);
    }

    /**
     * The same server through a client with connections of its own, over HTTP/1.1 as OpenLineage
     * transports speak it: load threads then behave like independent pipelines, not like streams
     * multiplexed over one shared connection.
     */
    public Api withOwnConnections() {
        return new Api(baseUrl, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    public HttpResponse<String> post(String path, byte[] json) {
        return post(path, json, TIMEOUT);
    }

    /** Fails with an {@link UncheckedIOException} when no answer arrived within {@code timeout}. */
    public HttpResponse<String> post(String path, byte[] json, Duration timeout) {
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    public HttpResponse<String> post(String path, byte[] body, String contentType) {
        return send(request(path, TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, TIMEOUT).GET().build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
