package dev.provenant.analyst;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header of a library query: the leading {@code //} comment lines, each {@code // key: value}
 * with the keys {@code title}, {@code description} (may repeat; lines are joined), {@code param} and
 * {@code returns}. A param line is {@code name type default — text}: type one of string, integer, float,
 * boolean, datetime; default the word {@code required} or a JSON value ({@code null}, {@code 90},
 * {@code "EMAIL"}, {@code false}). A header that breaks these rules stops start-up.
 */
final class LibraryHeaders {

    private static final Pattern LINE = Pattern.compile("^//\\s*(title|description|param|returns):\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\s+(string|integer|float|boolean|datetime)\\s+(required|null|true|false|"
                    + "-?[0-9]+(?:\\.[0-9]+)?|\"(?:[^\"\\\\]|\\\\.)*\")\\s+—\\s+(.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LibraryHeaders() {}

    static LibraryQuery parse(String id, String cypher) {
        String title = null;
        StringBuilder description = new StringBuilder();
        String returns = null;
        List<LibraryParameter> parameters = new ArrayList<>();
        for (String raw : cypher.split("\n")) {
            String line = raw.strip();
            if (!line.startsWith("//")) {
                break;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("analyst/" + id + ": header line not understood: " + line);
            }
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "title" -> title = value;
                case "description" -> description.append(description.isEmpty() ? "" : " ").append(value);
                case "returns" -> returns = value;
                default -> parameters.add(parameter(id, value));
            }
        }
        if (title == null || description.isEmpty() || returns == null) {
            throw new IllegalStateException("analyst/" + id + ": the header needs title, description and returns");
        }
        return new LibraryQuery(id, title, description.toString(), List.copyOf(parameters), returns, cypher);
    }

    private static LibraryParameter parameter(String id, String text) {
        Matcher m = PARAM.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("analyst/" + id + ": param line not understood: " + text);
        }
        LibraryParameter.Type type = LibraryParameter.Type.of(m.group(2));
        boolean required = m.group(3).equals("required");
        LibraryParameter parameter = new LibraryParameter(m.group(1), type, required, null, m.group(4).strip());
        if (required) {
            return parameter;
        }
        try {
            Object value = JSON.readValue(m.group(3), Object.class);
            parameter.bind(value);
            return new LibraryParameter(parameter.name(), type, false, value, parameter.description());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("analyst/" + id + ": default of " + m.group(1) + " does not fit its type", e);
        }
    }
}
