package dev.provenant.lineage;

import dev.provenant.web.ApiException;

/**
 * Whole-number query parameters read by hand: JAX-RS answers a parameter that does not convert with 404,
 * where a client should get 400 naming the parameter.
 */
final class QueryParams {

    private QueryParams() {}

    static int integer(String value, int defaultValue, int min, int max, String parameter) {
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
}
