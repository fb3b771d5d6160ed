package dev.provenant.analyst;

import java.time.Instant;
import java.util.Map;

/**
 * Fired (CDI event, synchronously) after every analyst query, answered or refused, so that the access
 * log can record who ran what without this package knowing about it.
 *
 * @param caller who ran it, as the request's security context names them
 * @param query the ad-hoc query text, or null for a library query
 * @param libraryQuery the library query's id, or null for an ad-hoc query
 * @param parameters the parameters as bound (library defaults applied)
 * @param outcome {@code ok}, or the error code the client was answered with
 * @param rows rows returned (0 when refused)
 */
public record AnalystQueryExecuted(Instant at, String caller, String query, String libraryQuery,
        Map<String, Object> parameters, String outcome, int rows, boolean truncated, long elapsedMs) {}
