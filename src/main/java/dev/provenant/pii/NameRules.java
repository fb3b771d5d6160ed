package dev.provenant.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Guesses a PII category from a column name. Rules are "CATEGORY regex" lines (see
 * {@code pii/name-rules.txt}); the regex must match the whole normalised name and the first match wins.
 */
public final class NameRules {

    /** One rule: names matching {@code pattern} are guessed to hold {@code category}. */
    public record Rule(String category, Pattern pattern) {}

    static final String DEFAULT_RESOURCE = "pii/name-rules.txt";

    private final List<Rule> rules;

    NameRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The rules in {@code file}, or the built-in ones when no file is configured. */
    static NameRules load(Optional<Path> file) {
        if (file.isPresent()) {
            try {
                return parse(Files.readString(file.get(), StandardCharsets.UTF_8), file.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read provenant.pii.name-rules-file " + file.get(), e);
            }
        }
        try (InputStream in = NameRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NameRules parse(String text, String origin) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(origin + " line " + (i + 1) + ": expected \"CATEGORY regex\"");
            }
            try {
                rules.add(new Rule(parts[0].toUpperCase(Locale.ROOT), Pattern.compile(parts[1].strip())));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(origin + " line " + (i + 1) + ": " + e.getDescription(), e);
            }
        }
        return new NameRules(rules);
    }

    /** The category the first matching rule guesses for a field path, if any. */
    Optional<String> categoryOf(String fieldPath) {
        String normalised = normalise(fieldPath);
        return rules.stream().filter(r -> r.pattern().matcher(normalised).matches()).map(Rule::category).findFirst();
    }

    /** Last path segment, camelCase split into words, lower case, non-alphanumerics collapsed to "_". */
    static String normalise(String fieldPath) {
        String last = fieldPath.substring(fieldPath.lastIndexOf('.') + 1);
        String words = last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
