package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One parameter of a library query, from its {@code // param:} header line. {@code defaultValue} is the
 * JSON value the header gives ({@code null} for an optional parameter without one); a required parameter
 * has none and must be sent.
 */
public record LibraryParameter(String name, Type type, boolean required,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object defaultValue, String description) {

    /** The types a parameter may have; the JSON a client sends must match. */
    public enum Type {
        STRING, INTEGER, FLOAT, BOOLEAN, DATETIME;

        static Type of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The value to bind for what the client sent (a value parsed from JSON, or null): type-checked,
     * integers as Long, floats as Double, date-times as OffsetDateTime (UTC when no offset is given).
     *
     * @throws IllegalArgumentException naming what was expected
     */
    @JsonIgnore
    public Object bind(Object sent) {
        if (sent == null) {
            return null;
        }
        return switch (type) {
            case STRING -> {
                if (sent instanceof String s) {
                    yield s;
                }
                throw expected("a string");
            }
            case INTEGER -> {
                if (sent instanceof Integer || sent instanceof Long || sent instanceof Short) {
                    yield ((Number) sent).longValue();
                }
                if (sent instanceof BigInteger big && big.bitLength() < 64) {
                    yield big.longValue();
                }
                throw expected("an integer");
            }
            case FLOAT -> {
                if (sent instanceof Number n) {
                    yield n.doubleValue();
                }
                throw expected("a number");
            }
            case BOOLEAN -> {
                if (sent instanceof Boolean b) {
                    yield b;
                }
                throw expected("true or false");
            }
            case DATETIME -> {
                if (sent instanceof String s) {
                    yield dateTime(s);
                }
                throw expected("an ISO-8601 date-time string such as 2026-01-31T00:00:00Z");
            }
        };
    }

    private Object dateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw expected("an ISO-8601 date-time string such as 2026-01-31T00:00:00Z");
            }
        }
    }

    private IllegalArgumentException expected(String what) {
        return new IllegalArgumentException("parameter " + name + " must be " + what);
    }
}
