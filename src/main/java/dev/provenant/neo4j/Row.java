package dev.provenant.neo4j;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One result row as plain Java values, whichever way its query ran: over the driver ({@link #of(org.neo4j.driver.Record)})
 * or in-process on the embedded database ({@link #of(Map)}, where list properties come back as arrays).
 */
@FunctionalInterface
public interface Row {

    /** The column's value: null, String, Boolean, Long, Double, a List, or an array. */
    Object get(String key);

    static Row of(org.neo4j.driver.Record record) {
        return key -> record.get(key).asObject();
    }

    static Row of(Map<String, Object> values) {
        return values::get;
    }

    default String string(String key) {
        Object value = get(key);
        return value == null ? null : value.toString();
    }

    default boolean bool(String key, boolean orElse) {
        return get(key) instanceof Boolean b ? b : orElse;
    }

    default long number(String key) {
        return ((Number) get(key)).longValue();
    }

    /** A list of strings, or null. */
    default List<String> strings(String key) {
        List<Object> values = list(get(key));
        return values == null ? null : values.stream().map(String::valueOf).toList();
    }

    /** A list of integers, or null. */
    default List<Integer> ints(String key) {
        List<Object> values = list(get(key));
        return values == null ? null : values.stream().map(v -> ((Number) v).intValue()).toList();
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        int length = Array.getLength(value);
        List<Object> copy = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            copy.add(Array.get(value, i));
        }
        return copy;
    }
}
