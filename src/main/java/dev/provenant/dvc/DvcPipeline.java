package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DVC project as the hook sees it: the stages of dvc.lock that dvc.yaml still declares, each with
 * what it ran ({@code cmd}, deps, outs with hashes, params), its metrics files, the stages upstream of
 * it, in an order where every stage comes after the stages it depends on.
 */
public record DvcPipeline(Path dir, DvcLock.Format lockFormat, List<Stage> stages, List<String> staleLockEntries,
        Map<String, String> modelArtifacts) {

    /**
     * One stage run. {@code metrics} maps each metrics file of the stage to its values (a missing
     * node when the file is not in the working tree).
     */
    public record Stage(String name, DvcLock.LockedStage lock, String description, Map<String, JsonNode> metrics,
            Map<String, JsonNode> params, List<String> upstream) {}

    public static DvcPipeline load(Path dir) {
        Path lockFile = dir.resolve("dvc.lock");
        if (!Files.isRegularFile(lockFile)) {
            throw new DvcException("no dvc.lock in " + dir + ": run 'dvc repro' first");
        }
        DvcLock lock = DvcLock.parse(DvcFiles.readYaml(lockFile));
        Path yamlFile = dir.resolve("dvc.yaml");
        Optional<DvcYaml> yaml = Files.isRegularFile(yamlFile)
                ? Optional.of(DvcYaml.parse(DvcFiles.readYaml(yamlFile))) : Optional.empty();
        ObjectNode context = context(dir, yaml.map(DvcYaml::vars).orElse(MissingNode.getInstance()));

        List<Stage> stages = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (DvcLock.LockedStage locked : lock.stages()) {
            if (yaml.isEmpty()) {
                stages.add(new Stage(locked.name(), locked, null, Map.of(), locked.params(), List.of()));
                continue;
            }
            Optional<DvcYaml.StageDefinition> def = yaml.get().definition(locked.name(), context);
            if (def.isEmpty()) {
                stale.add(locked.name());
                continue;
            }
            ObjectNode local = context.deepCopy();
            local.setAll(def.get().locals());
            JsonNode body = def.get().body();
            String description = body.hasNonNull("desc") ? Templates.interpolate(body.get("desc").asText(), local) : null;
            Map<String, JsonNode> params = locked.params().isEmpty() ? declaredParams(dir, body.path("params"), local)
                    : locked.params();
            stages.add(new Stage(locked.name(), locked, description,
                    metrics(dir, locked, body.path("metrics"), yaml.get().metrics(), local), params, List.of()));
        }
        Map<String, String> models = new LinkedHashMap<>();
        yaml.ifPresent(y -> y.artifacts().forEach((name, artifact) -> {
            if ("model".equalsIgnoreCase(artifact.path("type").asText()) && artifact.hasNonNull("path")) {
                models.put(DvcPaths.normalize(Templates.interpolate(artifact.get("path").asText(), context)), name);
            }
        }));
        return new DvcPipeline(dir, lock.format(), ordered(stages), stale, models);
    }

    /** Default params.yaml, then dvc.yaml's {@code vars} (files or inline maps), later ones winning. */
    private static ObjectNode context(Path dir, JsonNode vars) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        JsonNode defaults = DvcFiles.readYamlIfPresent(dir.resolve("params.yaml"));
        if (defaults.isObject()) {
            context.setAll((ObjectNode) defaults);
        }
        for (JsonNode var : vars) {
            if (var.isObject()) {
                context.setAll((ObjectNode) var);
            } else if (var.isTextual()) {
                String file = var.asText().split(":", 2)[0];
                JsonNode values = DvcFiles.readYamlIfPresent(dir.resolve(file));
                if (values.isObject()) {
                    context.setAll((ObjectNode) values);
                }
            }
        }
        return context;
    }

    /** Params a stage declares, read from their files (used when dvc.lock carries no params snapshot). */
    private static Map<String, JsonNode> declaredParams(Path dir, JsonNode declared, JsonNode context) {
        Map<String, ObjectNode> byFile = new LinkedHashMap<>();
        for (JsonNode entry : declared) {
            if (entry.isTextual()) {
                addParam(dir, byFile, "params.yaml", Templates.interpolate(entry.asText(), context));
            } else if (entry.isObject()) {
                entry.fields().forEachRemaining(e -> {
                    if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                        e.getValue().forEach(k -> addParam(dir, byFile, e.getKey(), Templates.interpolate(k.asText(), context)));
                    } else {
                        JsonNode all = DvcFiles.readYamlIfPresent(dir.resolve(e.getKey()));
                        if (all.isObject()) {
                            byFile.computeIfAbsent(e.getKey(), f -> JsonNodeFactory.instance.objectNode())
                                    .setAll((ObjectNode) all);
                        }
                    }
                });
            }
        }
        return new LinkedHashMap<>(byFile);
    }

    private static void addParam(Path dir, Map<String, ObjectNode> byFile, String file, String key) {
        JsonNode value = Templates.lookup(DvcFiles.readYamlIfPresent(dir.resolve(file)), key);
        if (!value.isMissingNode()) {
            byFile.computeIfAbsent(file, f -> JsonNodeFactory.instance.objectNode()).set(key, value);
        }
    }

    /** The stage's own {@code metrics:} plus top-level metrics files that lie inside one of its outs. */
    private static Map<String, JsonNode> metrics(Path dir, DvcLock.LockedStage locked, JsonNode stageMetrics,
            List<String> topLevel, JsonNode context) {
        Set<String> files = new LinkedHashSet<>();
        for (JsonNode m : stageMetrics) {
            String path = m.isObject() ? m.fieldNames().next() : m.asText();
            files.add(DvcPaths.normalize(Templates.interpolate(path, context)));
        }
        for (String path : topLevel) {
            String normalized = DvcPaths.normalize(path);
            if (locked.outs().stream().anyMatch(o -> DvcPaths.contains(DvcPaths.normalize(o.path()), normalized))) {
                files.add(normalized);
            }
        }
        Map<String, JsonNode> result = new LinkedHashMap<>();
        files.forEach(f -> result.put(f, DvcFiles.readMetrics(dir.resolve(f))));
        return result;
    }

    /**
     * Stage B is downstream of stage A when one of B's deps is one of A's outs, or lies inside it, or
     * contains it (a directory dep). Stages come out upstream first, otherwise in lock order.
     */
    private static List<Stage> ordered(List<Stage> stages) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        for (Stage s : stages) {
            List<String> ups = new ArrayList<>();
            for (Stage other : stages) {
                if (other != s && feeds(other, s)) {
                    ups.add(other.name());
                }
            }
            upstream.put(s.name(), ups);
        }
        List<Stage> result = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<Stage> pending = new ArrayList<>(stages);
        while (!pending.isEmpty()) {
            Stage next = pending.stream().filter(s -> done.containsAll(upstream.get(s.name()))).findFirst()
                    .orElse(pending.get(0));
            pending.remove(next);
            done.add(next.name());
            result.add(new Stage(next.name(), next.lock(), next.description(), next.metrics(), next.params(),
                    List.copyOf(upstream.get(next.name()))));
        }
        return result;
    }

    private static boolean feeds(Stage from, Stage to) {
        for (DvcLock.LockedPath out : from.lock().outs()) {
            String o = DvcPaths.normalize(out.path());
            for (DvcLock.LockedPath dep : to.lock().deps()) {
                String d = DvcPaths.normalize(dep.path());
                if (DvcPaths.contains(o, d) || DvcPaths.contains(d, o)) {
                    return true;
                }
            }
        }
        return false;
    }
}
