package dev.provenant.analyst;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Query results as RFC 4180 CSV: a header row, CRLF line ends, fields holding a comma, quote, CR or LF
 * quoted with inner quotes doubled. Null is an empty field; nodes, lists and maps are their JSON text.
 */
public final class CsvWriter {

    private CsvWriter() {}

    public static String write(List<String> columns, List<List<Object>> rows, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(c -> (Object) c).toList(), json);
        for (List<Object> row : rows) {
            line(out, row, json);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> values, ObjectMapper json) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(text(values.get(i), json)));
        }
        out.append("\r\n");
    }

    private static String text(Object value, ObjectMapper json) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result value as JSON", e);
        }
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
