package dev.provenant.ml;

import dev.provenant.config.ProvenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configured name rules ({@code provenant.ml.model-patterns}, {@code provenant.ml.feature-patterns}):
 * Java regular expressions that must match the whole {@code <namespace>/<name>} of a dataset. Ingest
 * applies them to every dataset it writes; {@link MlClassification} applies them to the stored graph
 * when they change. Cypher's {@code =~} uses the same regex engine and full-match rule, so both agree.
 */
@ApplicationScoped
public class MlRules {

    private final List<String> modelPatterns;
    private final List<String> featurePatterns;
    private final List<Pattern> models;
    private final List<Pattern> features;

    @Inject
    public MlRules(ProvenantConfig config) {
        this(config.ml().modelPatterns(), config.ml().featurePatterns());
    }

    public MlRules(List<String> modelPatterns, List<String> featurePatterns) {
        this.modelPatterns = clean(modelPatterns);
        this.featurePatterns = clean(featurePatterns);
        this.models = compile(this.modelPatterns, "provenant.ml.model-patterns");
        this.features = compile(this.featurePatterns, "provenant.ml.feature-patterns");
    }

    public boolean isModel(String namespace, String name) {
        return matches(models, namespace, name);
    }

    public boolean isFeature(String namespace, String name) {
        return matches(features, namespace, name);
    }

    List<String> modelPatterns() {
        return modelPatterns;
    }

    List<String> featurePatterns() {
        return featurePatterns;
    }

    /** Changes whenever a rule does; stored in the graph so that a restart knows to re-classify. */
    String fingerprint() {
        String text = "model:" + String.join("\n", modelPatterns) + "\nfeature:" + String.join("\n", featurePatterns);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(List<Pattern> patterns, String namespace, String name) {
        String key = namespace + "/" + name;
        for (Pattern pattern : patterns) {
            if (pattern.matcher(key).matches()) {
                return true;
            }
        }
        return false;
    }

    /** An empty setting ({@code provenant.ml.model-patterns=}) switches the rules off. */
    private static List<String> clean(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static List<Pattern> compile(List<String> patterns, String setting) {
        return patterns.stream().map(p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(setting + ": '" + p + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }).toList();
    }
}
