package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code dvc.lock}: what each stage last ran with. Reads every format DVC has written: the
 * 1.x flat form (stage names at the top level, no {@code schema}), schema 2.0 as DVC 2 writes it
 * (hashes without a {@code hash:} key) and as DVC 3 writes it ({@code hash: md5} names the hash
 * field), and a 3.x schema with the same layout.
 */
public record DvcLock(Format format, List<LockedStage> stages) {

    public enum Format { V1_FLAT, V2, V3 }

    /** One lock entry; {@code raw} is the entry as written, the basis of the run's identity. */
    public record LockedStage(String name, String cmd, List<LockedPath> deps, List<LockedPath> outs,
            Map<String, JsonNode> params, JsonNode raw) {}

    /** A dep or out: its path as written in the lock and the hash DVC recorded for it (null when none). */
    public record LockedPath(String path, String hash, String hashName, Long size, Long nfiles) {

        public boolean isDirectory() {
            return hash != null && hash.endsWith(".dir") || nfiles != null;
        }
    }

    /** Hash fields in the order tried when an entry does not name its own with {@code hash:}. */
    private static final List<String> HASH_FIELDS = List.of("md5", "etag", "checksum", "sha256", "version_id");

    public static DvcLock parse(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new DvcLock(Format.V2, List.of());
        }
        if (!root.isObject()) {
            throw new DvcException("dvc.lock is not a YAML mapping");
        }
        JsonNode schema = root.get("schema");
        if (schema == null) {
            return new DvcLock(Format.V1_FLAT, stages(root));
        }
        String version = schema.asText();
        Format format;
        if (version.startsWith("2.")) {
            format = Format.V2;
        } else if (version.startsWith("3.")) {
            format = Format.V3;
        } else {
            throw new DvcException("unsupported dvc.lock schema '" + version + "' (known: 1.x flat, 2.x, 3.x)");
        }
        return new DvcLock(format, stages(root.path("stages")));
    }

    private static List<LockedStage> stages(JsonNode stages) {
        List<LockedStage> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = stages.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                continue;
            }
            JsonNode entry = e.getValue();
            result.add(new LockedStage(e.getKey(), command(entry.get("cmd")), paths(entry.path("deps")),
                    paths(entry.path("outs")), params(entry.path("params")), entry));
        }
        return result;
    }

    /** {@code cmd} is a string, or a list of commands run one after the other. */
    static String command(JsonNode cmd) {
        if (cmd == null || cmd.isNull()) {
            return null;
        }
        if (cmd.isArray()) {
            List<String> lines = new ArrayList<>();
            cmd.forEach(c -> lines.add(c.asText()));
            return String.join("\n", lines);
        }
        return cmd.asText();
    }

    private static List<LockedPath> paths(JsonNode list) {
        List<LockedPath> result = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.hasNonNull("path")) {
                continue;
            }
            String hashName = null;
            String hash = null;
            if (p.hasNonNull("hash") && p.hasNonNull(p.get("hash").asText())) {
                hashName = p.get("hash").asText();
                hash = p.get(hashName).asText();
            } else {
                for (String field : HASH_FIELDS) {
                    if (p.hasNonNull(field)) {
                        hashName = field;
                        hash = p.get(field).asText();
                        break;
                    }
                }
            }
            result.add(new LockedPath(p.get("path").asText(), hash, hashName,
                    p.hasNonNull("size") ? p.get("size").asLong() : null,
                    p.hasNonNull("nfiles") ? p.get("nfiles").asLong() : null));
        }
        return result;
    }

    private static Map<String, JsonNode> params(JsonNode params) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (params instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }
}
