package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code dvc.yaml}: stage definitions (with {@code foreach}/{@code matrix} expanded to the
 * {@code stage@key} names that dvc.lock uses), artifacts and top-level metrics.
 */
record DvcYaml(Map<String, JsonNode> stageDefinitions, Map<String, JsonNode> artifacts, List<String> metrics,
        JsonNode vars) {

    /** One concrete stage: its definition body and the variables ({@code item}, {@code key}) it is resolved with. */
    record StageDefinition(String name, JsonNode body, ObjectNode locals) {}

    static DvcYaml parse(JsonNode root) {
        Map<String, JsonNode> stages = new LinkedHashMap<>();
        root.path("stages").fields().forEachRemaining(e -> stages.put(e.getKey(), e.getValue()));
        Map<String, JsonNode> artifacts = new LinkedHashMap<>();
        root.path("artifacts").fields().forEachRemaining(e -> artifacts.put(e.getKey(), e.getValue()));
        List<String> metrics = new ArrayList<>();
        for (JsonNode m : root.path("metrics")) {
            metrics.add(m.isObject() ? m.fieldNames().next() : m.asText());
        }
        return new DvcYaml(stages, artifacts, metrics, root.path("vars"));
    }

    /**
     * The definition of a lock entry's stage, or empty when dvc.yaml no longer declares it (a stale
     * lock entry). {@code context} holds the params and vars the templates resolve against.
     */
    Optional<StageDefinition> definition(String lockName, JsonNode context) {
        int at = lockName.indexOf('@');
        String base = at < 0 ? lockName : lockName.substring(0, at);
        JsonNode def = stageDefinitions.get(base);
        if (def == null || !def.isObject()) {
            return Optional.empty();
        }
        boolean templated = def.has("foreach") || def.has("matrix");
        if (!templated) {
            return at < 0 ? Optional.of(new StageDefinition(lockName, def, JsonNodeFactory.instance.objectNode()))
                    : Optional.empty();
        }
        if (at < 0) {
            return Optional.empty();
        }
        return expand(base, def, context).stream().filter(d -> d.name().equals(lockName)).findFirst();
    }

    /** Every {@code stage@key} a {@code foreach} or {@code matrix} stage expands to, in DVC's naming. */
    static List<StageDefinition> expand(String base, JsonNode def, JsonNode context) {
        List<StageDefinition> result = new ArrayList<>();
        JsonNode body = def.has("do") ? def.get("do") : def;
        if (def.has("foreach")) {
            JsonNode items = Templates.resolve(def.get("foreach"), context);
            if (items.isArray()) {
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    String key = item.isValueNode() ? item.asText() : String.valueOf(i);
                    ObjectNode locals = JsonNodeFactory.instance.objectNode();
                    locals.set("item", item);
                    locals.put("key", key);
                    result.add(new StageDefinition(base + "@" + key, body, locals));
                }
            } else if (items.isObject()) {
                items.fields().forEachRemaining(e -> {
                    ObjectNode locals = JsonNodeFactory.instance.objectNode();
                    locals.set("item", e.getValue());
                    locals.put("key", e.getKey());
                    result.add(new StageDefinition(base + "@" + e.getKey(), body, locals));
                });
            }
        } else if (def.has("matrix")) {
            List<String> names = new ArrayList<>();
            List<JsonNode> values = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> dims = def.get("matrix").fields();
            while (dims.hasNext()) {
                Map.Entry<String, JsonNode> dim = dims.next();
                names.add(dim.getKey());
                values.add(Templates.resolve(dim.getValue(), context));
            }
            matrix(base, body, names, values, 0, JsonNodeFactory.instance.objectNode(), new ArrayList<>(), result);
        }
        return result;
    }

    private static void matrix(String base, JsonNode body, List<String> names, List<JsonNode> values, int dim,
            ObjectNode item, List<String> keyParts, List<StageDefinition> result) {
        if (dim == names.size()) {
            ObjectNode locals = JsonNodeFactory.instance.objectNode();
            locals.set("item", item.deepCopy());
            String key = String.join("-", keyParts);
            locals.put("key", key);
            result.add(new StageDefinition(base + "@" + key, body, locals));
            return;
        }
        JsonNode options = values.get(dim);
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            item.set(names.get(dim), option);
            keyParts.add(option.isValueNode() ? option.asText() : names.get(dim) + i);
            matrix(base, body, names, values, dim + 1, item, keyParts, result);
            keyParts.remove(keyParts.size() - 1);
        }
        item.remove(names.get(dim));
    }
}
