package dev.provenant.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read by hand: JAX-RS answers a parameter that does not convert with 404, where a
 * client should get 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {}

    public static int integer(String value, int defaultValue, int min, int max, String parameter) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_value", parameter + " must be a whole number", parameter);
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest("invalid_value", parameter + " must be between " + min + " and " + max,
                    parameter);
        }
        return parsed;
    }

    /** An ISO-8601 date-time with offset (such as {@code asOf}), or null when absent. */
    public static OffsetDateTime time(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_value", parameter + " must be an ISO-8601 date-time with offset,"
                    + " such as 2024-05-01T12:00:00Z", parameter);
        }
    }
}
