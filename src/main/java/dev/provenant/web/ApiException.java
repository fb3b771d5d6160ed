package dev.provenant.web;

import java.time.Duration;

/** A request that cannot be served, with the status and error body it is answered with. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String path;
    private final Duration retryAfter;

    public ApiException(int status, String code, String message, String path) {
        this(status, code, message, path, null);
    }

    public ApiException(int status, String code, String message, String path, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String code, String message, String path) {
        return new ApiException(400, code, message, path);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException unavailable(String code, String message, Duration retryAfter) {
        return new ApiException(503, code, message, null, retryAfter);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(code, getMessage(), path);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
