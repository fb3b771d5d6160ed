package dev.provenant.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of real OpenLineage events: deletes, replaces and retypes fields (the core ones more
 * often), truncates, injects control characters, lone surrogates, invalid UTF-8, deep nesting, long
 * strings and duplicate keys. The same seed gives the same mutants.
 */
public final class EventMutator {

    /** One mutated body and what was done to it. */
    public record Mutant(String description, byte[] body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CORE = List.of("/eventTime", "/eventType", "/producer", "/run", "/run/runId",
            "/job", "/job/namespace", "/job/name", "/inputs", "/outputs", "/inputs/0/name", "/outputs/0/namespace",
            "/dataset", "/schemaURL");
    private static final String SURROGATE_MARK = "\u0001lone-surrogate\u0001";
    private static final String DUPLICATE_MARK = "\u0001duplicate\u0001";

    private final Random random;
    private final List<String> duplicates = new ArrayList<>();

    public EventMutator(long seed) {
        this.random = new Random(seed);
    }

    public Mutant mutate(byte[] original) {
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0 -> truncate(original);
            case 1 -> corruptBytes(original);
            default -> mutateTree(original, 1 + (kind == 9 ? random.nextInt(3) : 0));
        };
    }

    private Mutant truncate(byte[] original) {
        int at = random.nextInt(original.length);
        return new Mutant("truncated at byte " + at, Arrays.copyOf(original, at));
    }

    private Mutant corruptBytes(byte[] original) {
        byte[] body = original.clone();
        int at = random.nextInt(body.length);
        byte[] bad = {(byte) 0xFF, (byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0x00, (byte) '"', (byte) '{'};
        body[at] = bad[random.nextInt(bad.length)];
        return new Mutant("byte " + at + " set to 0x" + Integer.toHexString(body[at] & 0xFF), body);
    }

    private Mutant mutateTree(byte[] original, int times) {
        JsonNode root;
        try {
            root = JSON.readTree(original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> done = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            done.add(mutateOnce(root));
        }
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace(jsonString(SURROGATE_MARK), "\"\\ud800\"");
        // Each marker key stands beside the key it copies; written out, it becomes that key a second time.
        for (String duplicated : duplicates) {
            int at = text.indexOf(jsonString(DUPLICATE_MARK) + ":");
            text = text.substring(0, at) + jsonString(duplicated) + ":"
                    + text.substring(at + jsonString(DUPLICATE_MARK).length() + 1);
        }
        duplicates.clear();
        return new Mutant(String.join("; ", done), text.getBytes(StandardCharsets.UTF_8));
    }

    private String mutateOnce(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        String path = random.nextBoolean() ? CORE.get(random.nextInt(CORE.size())) : paths.get(random.nextInt(paths.size()));
        JsonNode target = root.at(path);
        String parentPath = path.isEmpty() ? "" : path.substring(0, path.lastIndexOf('/'));
        JsonNode parent = root.at(parentPath);
        String key = path.isEmpty() ? "" : path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        if (target.isMissingNode() || parent.isMissingNode() || !parent.isContainerNode() || path.isEmpty()) {
            return "no-op at " + path;
        }
        int op = random.nextInt(8);
        switch (op) {
            case 0 -> {
                if (parent instanceof ObjectNode object) {
                    object.remove(key);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(key));
                }
                return "deleted " + path;
            }
            case 1, 2 -> {
                JsonNode value = randomValue();
                set(parent, key, value);
                return "replaced " + path + " by " + abbreviate(value.toString());
            }
            case 3 -> {
                String text = target.isTextual() ? target.textValue() : "x";
                int at = random.nextInt(text.length() + 1);
                char control = (char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7f);
                set(parent, key, NODES.textNode(text.substring(0, at) + control + text.substring(at)));
                return "control character U+" + Integer.toHexString(control) + " in " + path;
            }
            case 4 -> {
                set(parent, key, NODES.textNode(SURROGATE_MARK));
                return "lone surrogate as " + path;
            }
            case 5 -> {
                int depth = new int[] {50, 499, 501, 900}[random.nextInt(4)];
                JsonNode nested = target;
                for (int i = 0; i < depth; i++) {
                    nested = NODES.arrayNode().add(nested);
                }
                set(parent, key, nested);
                return path + " nested " + depth + " arrays deep";
            }
            case 6 -> {
                if (parent instanceof ObjectNode object && duplicates.isEmpty()) {
                    object.set(DUPLICATE_MARK, target.deepCopy());
                    duplicates.add(key);
                    return "duplicate key beside " + path;
                }
                return "no-op (array) at " + path;
            }
            default -> {
                int length = new int[] {2_001, 700, 70_000}[random.nextInt(3)];
                String unit = random.nextBoolean() ? "a" : "\u00e9";
                set(parent, key, NODES.textNode(unit.repeat(length)));
                return "long string (" + length + " x '" + unit + "') as " + path;
            }
        }
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1E+" + (300 + random.nextInt(100_000))));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.textNode("");
            case 5 -> NODES.textNode("   ");
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> NODES.textNode("2024-13-45T25:61:00Z");
            case 9 -> NODES.textNode("x'}) DETACH DELETE n //");
            case 10 -> NODES.arrayNode().add(NODES.objectNode().put("namespace", "ns").put("name", "n"));
            default -> NODES.textNode(Long.toString(random.nextLong(), 36));
        };
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        }
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                out.add(child);
                collect(node.get(name), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
