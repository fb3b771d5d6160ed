package dev.provenant.analyst;

import dev.provenant.security.Caller;
import java.time.Instant;
import java.util.Map;

/**
 * Fired (CDI event, synchronously) after every analyst query, answered or refused, so that the access
 * log can record who ran what without this package knowing about it.
 *
 * @param caller who ran it: the authenticated token's id, name and role
 * @param query the ad-hoc query text, or null for a library query
 * @param libraryQuery the library query's id, or null for an ad-hoc query
 * @param parameters the parameters as bound (library defaults applied)
 * @param outcome {@code ok}, or the error code the client was answered with
 * @param rows rows returned (0 when refused)
 */
public record AnalystQueryExecuted(Instant at, Caller caller, String query, String libraryQuery,
        Map<String, Object> parameters, String outcome, int rows, boolean truncated, long elapsedMs) {}
