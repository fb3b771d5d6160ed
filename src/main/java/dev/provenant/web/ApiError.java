package dev.provenant.web;

/**
 * The one JSON error shape of the API: a stable machine-readable {@code error} code, a sentence for
 * people, and where in the request the problem is ({@code path}, e.g. {@code run.runId}), or null.
 */
public record ApiError(String error, String message, String path) {}
