package dev.provenant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite's results: flat JSON keys for {@code target/bench/<suite>.json} and the rows of the Markdown
 * table, each with its target (if the issue sets one) and whether this run met it.
 */
public final class Report {

    /** A target a figure is checked against; {@code atLeast} false means "at most". */
    public record Target(double bound, boolean atLeast) {
        static Target atLeast(double bound) {
            return new Target(bound, true);
        }

        static Target atMost(double bound) {
            return new Target(bound, false);
        }

        boolean met(double value) {
            return atLeast ? value >= bound : value <= bound;
        }

        String describe() {
            return (atLeast ? ">= " : "<= ") + format(bound);
        }
    }

    private record Row(String label, String key, Object value, String unit, Target target) {}

    private final String suite;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public Report(String suite) {
        this.suite = suite;
        values.put("suite", suite);
    }

    /** A JSON value that is not a table row (machine, versions, details). */
    public Report put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** A JSON value that is also a table row. */
    public Report row(String label, String key, Object value, String unit) {
        return row(label, key, value, unit, null);
    }

    public Report row(String label, String key, Object value, String unit, Target target) {
        values.put(key, value);
        rows.add(new Row(label, key, value, unit, target));
        if (target != null && value instanceof Number number) {
            targets().put(key, Map.of("target", target.describe(), "met", target.met(number.doubleValue())));
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> targets() {
        return (Map<String, Object>) values.computeIfAbsent("targets", k -> new LinkedHashMap<String, Object>());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(suite).append(" | value | JSON key | target | met |\n");
        out.append("|---|---:|---|---|---|\n");
        for (Row row : rows) {
            String value = row.value() instanceof Number n ? format(n.doubleValue()) : String.valueOf(row.value());
            String unit = row.unit().isEmpty() ? "" : " " + row.unit();
            String target = row.target() == null ? "" : row.target().describe() + unit;
            String met = row.target() == null || !(row.value() instanceof Number n2) ? ""
                    : row.target().met(n2.doubleValue()) ? "met" : "**missed**";
            out.append("| ").append(row.label()).append(" | ").append(value).append(unit).append(" | `")
                    .append(row.key()).append("` | ").append(target).append(" | ").append(met).append(" |\n");
        }
        return out.toString();
    }

    public void writeJson(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), values);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
