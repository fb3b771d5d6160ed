package dev.provenant.dvc;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which outs are models by their path. A pattern ending in {@code /} names a directory: a path that
 * is such a directory or lies in one is a model ({@code models/} matches {@code outputs/models} and
 * {@code data/models/best.zip}); a pattern without {@code /} is a glob
 * on the last segment ({@code *.pkl}); any other pattern is a glob on the whole path relative to
 * dvc.yaml ({@code data/06_models/**}).
 */
public final class ModelPatterns {

    public static final List<String> DEFAULTS = List.of("*.pkl", "*.pickle", "*.joblib", "*.onnx", "*.pt", "*.pth",
            "*.h5", "*.keras", "*.safetensors", "model/", "models/");

    private final List<String> patterns;
    private final List<PathMatcher> globs;

    public ModelPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.globs = patterns.stream().filter(p -> !p.endsWith("/"))
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean matches(String path) {
        String normalized = DvcPaths.normalize(path);
        if (normalized.isEmpty()) {
            return false;
        }
        String last = normalized.substring(normalized.lastIndexOf('/') + 1);
        List<String> segments = List.of(normalized.split("/"));
        for (String p : patterns) {
            if (p.endsWith("/") && segments.contains(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        int glob = 0;
        for (String p : patterns) {
            if (p.endsWith("/")) {
                continue;
            }
            PathMatcher matcher = globs.get(glob++);
            if (matcher.matches(Path.of(p.contains("/") ? normalized : last))) {
                return true;
            }
        }
        return false;
    }
}
