package dev.provenant.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the server's group commits spent their time during one load phase: the difference of the
 * {@code provenant.ingest.statement} and {@code provenant.ingest.commit} timers on {@code /q/metrics}
 * before and after it, per ingest statement, in milliseconds per event written.
 */
final class StatementTimes {

    private static final Pattern SERIES = Pattern.compile(
            "^(provenant_ingest_statement_seconds_(?:sum|count)|provenant_ingest_commit_seconds_(?:sum|count)"
                    + "|provenant_ingest_commit_events_(?:sum|count))(\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Pattern STATEMENT = Pattern.compile("statement=\"([^\"]+)\"");

    private final Map<String, Double> values;

    private StatementTimes(Map<String, Double> values) {
        this.values = values;
    }

    /** The timers as the server reports them now. */
    static StatementTimes scrape(HttpClient http, String baseUrl, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new TreeMap<>();
        for (String line : body.split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            if (m.group(2) != null) {
                Matcher statement = STATEMENT.matcher(m.group(2));
                if (statement.find()) {
                    key += ":" + statement.group(1);
                }
            }
            values.merge(key, Double.parseDouble(m.group(3)), Double::sum);
        }
        return new StatementTimes(values);
    }

    /**
     * What happened between {@code before} and this scrape: commits, events per commit, commit time per
     * event, and each statement's time per event, largest first.
     */
    Map<String, Object> since(StatementTimes before) {
        double commits = delta(before, "provenant_ingest_commit_seconds_count");
        double events = delta(before, "provenant_ingest_commit_events_sum");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commits", Math.round(commits));
        json.put("events", Math.round(events));
        json.put("events_per_commit", events == 0 ? 0 : Report.round(events / commits, 1));
        json.put("commit_ms_per_event", perEvent(delta(before, "provenant_ingest_commit_seconds_sum"), events));
        Map<String, Double> statements = new LinkedHashMap<>();
        values.keySet().stream()
                .filter(k -> k.startsWith("provenant_ingest_statement_seconds_sum:"))
                .map(k -> Map.entry(k.substring(k.indexOf(':') + 1), perEvent(delta(before, k), events)))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> statements.put(e.getKey(), e.getValue()));
        json.put("statement_ms_per_event", statements);
        return json;
    }

    /** A one-line summary of {@link #since}: the statements that took the most, for the console. */
    static String summary(String phase, Map<String, Object> since) {
        @SuppressWarnings("unchecked")
        Map<String, Double> statements = (Map<String, Double>) since.get("statement_ms_per_event");
        List<String> top = statements.entrySet().stream().limit(5)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return String.format("%s: %s events in %s commits (%s per commit), commit %s ms/event; top: %s", phase,
                since.get("events"), since.get("commits"), since.get("events_per_commit"),
                since.get("commit_ms_per_event"), String.join(", ", top));
    }

    private double delta(StatementTimes before, String key) {
        return values.getOrDefault(key, 0.0) - before.values.getOrDefault(key, 0.0);
    }

    private static double perEvent(double seconds, double events) {
        return events == 0 ? 0 : Report.round(seconds * 1000 / events, 3);
    }
}
