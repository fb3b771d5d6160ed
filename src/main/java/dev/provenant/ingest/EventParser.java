package dev.provenant.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provenant.web.ApiException;
import io.openlineage.client.OpenLineage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates one OpenLineage event (RunEvent, JobEvent or DatasetEvent, spec 1.x and 2.x).
 *
 * <p>Strict about the core: JSON syntax and encoding, eventTime, producer, run.runId, job and dataset
 * identities; any violation is a 400 naming the path. Lenient about facets: they are kept as raw JSON
 * whatever their shape, and only the ones Provenant interprets (schema, symlinks, columnLineage,
 * version, datasetType, parent, errorMessage) are read, each skipped quietly when malformed.
 */
public final class EventParser {

    /** Limits that keep a single hostile event from exhausting memory or the database's index keys. */
    static final int MAX_IDENTIFIER_BYTES = 2000;
    static final int MAX_NESTING_DEPTH = 500;
    static final int MAX_SCHEMA_DEPTH = 64;
    static final int MAX_FIELDS_PER_DATASET = 20_000;

    public static final String FACET_PREFIX = "facet.";

    private static final Set<String> EVENT_TYPES = enumNames();

    private static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventParser() {}

    /** Parses a request body holding exactly one event. */
    public static ParsedEvent parse(byte[] json) {
        return parse(readTree(json, ""));
    }

    /** Parses the JSON text of one document; {@code path} prefixes error paths (batch items). */
    public static JsonNode readTree(byte[] json, String path) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("malformed_json", "the request body holds no JSON document", path);
            }
            requireUtf8(json, path);
            return node;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("malformed_json", e.getOriginalMessage(), path);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String message = e.getOriginalMessage();
            String code = message != null && (message.startsWith("Invalid UTF-8") || message.contains("surrogate"))
                    ? "invalid_encoding" : "malformed_json";
            return failParse(code, message + where, pathOf(e, path));
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", e.getMessage(), path);
        } catch (NumberFormatException e) {
            // Jackson parses big decimals lazily; an exponent beyond int range fails outside its exceptions.
            throw ApiException.badRequest("malformed_json", "a number cannot be represented: " + e.getMessage(), path);
        }
    }

    /**
     * Jackson reports most invalid UTF-8 with its path, but accepts overlong forms and encoded surrogates
     * (0xC0 0xAF for '/'); the JDK's decoder does not. Decoded in slices, so a large body costs no copy.
     */
    private static void requireUtf8(byte[] json, String path) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw ApiException.badRequest("invalid_encoding", "the body is not valid UTF-8 (byte " + in.position() + ")",
                        path);
            }
            out.clear();
        } while (result.isOverflow());
    }

    private static JsonNode failParse(String code, String message, String path) {
        throw ApiException.badRequest(code, message, path);
    }

    private static String pathOf(JsonProcessingException e, String prefix) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            StringBuilder path = new StringBuilder(prefix);
            for (String segment : pointer.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(segment).append(']');
                } else {
                    path.append(path.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            return path.toString();
        }
        return prefix;
    }

    /** Validates an already parsed document as one event. */
    public static ParsedEvent parse(JsonNode root) {
        if (!root.isObject()) {
            throw ApiException.badRequest("invalid_event", "an OpenLineage event must be a JSON object", "");
        }
        byte[] canonical = CanonicalJson.bytes(root);
        String hash = CanonicalJson.sha256(canonical);
        OffsetDateTime eventTime = eventTime(root);
        String producer = requiredText(root, "producer", "producer");
        String schemaUrl = optionalText(root.get("schemaURL"));

        if (present(root, "run")) {
            String eventType = eventType(root);
            ParsedEvent.Run run = run(root.get("run"));
            ParsedEvent.Job job = job(required(root, "job", "job"));
            return new ParsedEvent(EventKind.RUN, eventType, eventTime, producer, schemaUrl, run, job,
                    datasets(root, "inputs", "inputFacets"), datasets(root, "outputs", "outputFacets"), null,
                    canonical, hash);
        }
        if (present(root, "dataset")) {
            DatasetSnapshot dataset = dataset(root.get("dataset"), "dataset", null);
            return new ParsedEvent(EventKind.DATASET, null, eventTime, producer, schemaUrl, null, null, List.of(),
                    List.of(), dataset, canonical, hash);
        }
        if (present(root, "job")) {
            ParsedEvent.Job job = job(root.get("job"));
            return new ParsedEvent(EventKind.JOB, null, eventTime, producer, schemaUrl, null, job,
                    datasets(root, "inputs", "inputFacets"), datasets(root, "outputs", "outputFacets"), null,
                    canonical, hash);
        }
        throw ApiException.badRequest("missing_field",
                "an event needs a run (RunEvent), a job (JobEvent) or a dataset (DatasetEvent)", "run");
    }

    // ---- core fields -------------------------------------------------------------------------

    private static OffsetDateTime eventTime(JsonNode root) {
        String text = requiredText(root, "eventTime", "eventTime");
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed);
            }
            // Older official clients sent times without an offset; they are UTC.
            return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_value",
                    "eventTime must be an ISO-8601 date-time such as 2024-05-01T12:00:00Z, got '" + abbreviate(text) + "'",
                    "eventTime");
        }
    }

    private static String eventType(JsonNode root) {
        JsonNode node = root.get("eventType");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !EVENT_TYPES.contains(node.textValue())) {
            throw ApiException.badRequest("invalid_value", "eventType must be one of " + EVENT_TYPES, "eventType");
        }
        return node.textValue();
    }

    private static ParsedEvent.Run run(JsonNode run) {
        requireObject(run, "run");
        String runId = identifier(run, "runId", "run.runId");
        Map<String, String> facets = facets(run.get("facets"));
        JsonNode runFacets = objectOrNull(run.get("facets"));
        return new ParsedEvent.Run(runId, facets, parent(runFacets), errorMessage(runFacets));
    }

    private static ParsedEvent.Job job(JsonNode job) {
        requireObject(job, "job");
        return new ParsedEvent.Job(identifier(job, "namespace", "job.namespace"), identifier(job, "name", "job.name"),
                facets(job.get("facets")));
    }

    private static List<DatasetSnapshot> datasets(JsonNode root, String field, String ioFacetsField) {
        JsonNode list = root.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("invalid_type", field + " must be an array of datasets", field);
        }
        List<DatasetSnapshot> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            result.add(dataset(list.get(i), JsonPaths.index(field, i), ioFacetsField));
        }
        return result;
    }

    private static DatasetSnapshot dataset(JsonNode node, String path, String ioFacetsField) {
        requireObject(node, path);
        DatasetKey key = new DatasetKey(identifier(node, "namespace", JsonPaths.child(path, "namespace")),
                identifier(node, "name", JsonPaths.child(path, "name")));
        JsonNode facets = objectOrNull(node.get("facets"));
        List<FieldDef> fields = schemaFields(facets);
        return new DatasetSnapshot(key, symlinks(facets), facets(node.get("facets")),
                ioFacetsField == null ? Map.of() : facets(node.get(ioFacetsField)), fields,
                validIdentifierOrNull(path(facets, "version", "datasetVersion")), text(facets, "datasetType", "datasetType"),
                columnLineage(facets, fields));
    }

    // ---- facets ------------------------------------------------------------------------------

    /** Every facet as raw JSON under {@code facet.<name>}; a facets value that is no object is kept too. */
    static Map<String, String> facets(JsonNode facets) {
        if (facets == null || facets.isNull()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (!facets.isObject()) {
            result.put(FACET_PREFIX + "_malformed", json(facets));
            return result;
        }
        facets.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNull()) {
                result.put(FACET_PREFIX + entry.getKey(), json(entry.getValue()));
            }
        });
        return result;
    }

    private static ParsedEvent.ParentRun parent(JsonNode runFacets) {
        JsonNode parent = objectOrNull(runFacets == null ? null : runFacets.get("parent"));
        if (parent == null) {
            return null;
        }
        String runId = validIdentifierOrNull(path(parent, "run", "runId"));
        String namespace = validIdentifierOrNull(path(parent, "job", "namespace"));
        String name = validIdentifierOrNull(path(parent, "job", "name"));
        return runId == null || namespace == null || name == null ? null : new ParsedEvent.ParentRun(runId, namespace, name);
    }

    private static String errorMessage(JsonNode runFacets) {
        return text(runFacets, "errorMessage", "message");
    }

    private static List<DatasetSnapshot.Symlink> symlinks(JsonNode facets) {
        JsonNode identifiers = path(facets, "symlinks", "identifiers");
        if (identifiers == null || !identifiers.isArray()) {
            return List.of();
        }
        List<DatasetSnapshot.Symlink> result = new ArrayList<>();
        for (JsonNode identifier : identifiers) {
            String namespace = validIdentifierOrNull(identifier.get("namespace"));
            String name = validIdentifierOrNull(identifier.get("name"));
            if (namespace != null && name != null) {
                result.add(new DatasetSnapshot.Symlink(new DatasetKey(namespace, name),
                        optionalText(identifier.get("type"))));
            }
        }
        return result;
    }

    private static List<FieldDef> schemaFields(JsonNode facets) {
        JsonNode fields = path(facets, "schema", "fields");
        List<FieldDef> result = new ArrayList<>();
        collectFields(fields, null, 0, result, new LinkedHashSet<>());
        return result;
    }

    private static void collectFields(JsonNode fields, String parentPath, int depth, List<FieldDef> out,
            Set<String> seen) {
        if (fields == null || !fields.isArray() || depth > MAX_SCHEMA_DEPTH) {
            return;
        }
        for (JsonNode field : fields) {
            if (out.size() >= MAX_FIELDS_PER_DATASET) {
                return;
            }
            String name = validIdentifierOrNull(field.get("name"));
            if (name == null) {
                continue;
            }
            String path = parentPath == null ? name : parentPath + "." + name;
            if (utf8Length(path) > MAX_IDENTIFIER_BYTES || !seen.add(path)) {
                continue;
            }
            out.add(new FieldDef(path, parentPath, name, optionalText(field.get("type")),
                    optionalText(field.get("description"))));
            collectFields(field.get("fields"), path, depth + 1, out, seen);
        }
    }

    /**
     * Column lineage into this dataset: the per-field {@code transformations} form, the legacy
     * {@code transformationType} form, and the facet's dataset-wide {@code dataset} list whose inputs
     * affect every field of the dataset.
     */
    private static List<ColumnLineageEdge> columnLineage(JsonNode facets, List<FieldDef> schema) {
        JsonNode facet = objectOrNull(facets == null ? null : facets.get("columnLineage"));
        if (facet == null) {
            return List.of();
        }
        List<ColumnLineageEdge> edges = new ArrayList<>();
        Set<String> outputFields = new LinkedHashSet<>();
        schema.stream().filter(f -> f.parentPath() == null).forEach(f -> outputFields.add(f.path()));
        JsonNode fields = objectOrNull(facet.get("fields"));
        if (fields != null) {
            Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> entry = it.next();
                String toField = entry.getKey();
                JsonNode spec = entry.getValue();
                if (!validIdentifier(toField) || !spec.isObject()) {
                    continue;
                }
                outputFields.add(toField);
                Legacy legacy = Legacy.of(optionalText(spec.get("transformationType")),
                        optionalText(spec.get("transformationDescription")));
                JsonNode inputs = spec.get("inputFields");
                if (inputs != null && inputs.isArray()) {
                    for (JsonNode input : inputs) {
                        addEdges(input, List.of(toField), legacy, edges);
                    }
                }
            }
        }
        JsonNode datasetWide = facet.get("dataset");
        if (datasetWide != null && datasetWide.isArray() && !outputFields.isEmpty()) {
            for (JsonNode input : datasetWide) {
                addEdges(input, List.copyOf(outputFields), Legacy.INDIRECT_UNKNOWN, edges);
            }
        }
        return edges;
    }

    private static void addEdges(JsonNode input, List<String> toFields, Legacy legacy, List<ColumnLineageEdge> out) {
        if (!input.isObject()) {
            return;
        }
        String namespace = validIdentifierOrNull(input.get("namespace"));
        String name = validIdentifierOrNull(input.get("name"));
        String field = validIdentifierOrNull(input.get("field"));
        if (namespace == null || name == null || field == null) {
            return;
        }
        DatasetKey from = new DatasetKey(namespace, name);
        JsonNode transformations = input.get("transformations");
        boolean any = false;
        if (transformations != null && transformations.isArray()) {
            for (JsonNode t : transformations) {
                if (!t.isObject()) {
                    continue;
                }
                String type = upperOr(optionalText(t.get("type")), "DIRECT");
                String subtype = upperOr(optionalText(t.get("subtype")), "UNKNOWN");
                boolean masking = t.path("masking").asBoolean(false) && t.path("masking").isBoolean();
                for (String to : toFields) {
                    out.add(new ColumnLineageEdge(from, field, to, type, subtype, masking, optionalText(t.get("description"))));
                }
                any = true;
            }
        }
        if (!any) {
            for (String to : toFields) {
                out.add(new ColumnLineageEdge(from, field, to, legacy.type, legacy.subtype, legacy.masking, legacy.description));
            }
        }
    }

    /** The facet's older form: one {@code transformationType} per output field (IDENTITY or MASKED). */
    private record Legacy(String type, String subtype, boolean masking, String description) {
        static final Legacy INDIRECT_UNKNOWN = new Legacy("INDIRECT", "UNKNOWN", false, null);

        static Legacy of(String transformationType, String description) {
            String value = transformationType == null ? "" : transformationType.strip().toUpperCase(Locale.ROOT);
            return switch (value) {
                case "" -> new Legacy("DIRECT", "UNKNOWN", false, description);
                case "MASKED" -> new Legacy("DIRECT", "TRANSFORMATION", true, description);
                default -> new Legacy("DIRECT", value, false, description);
            };
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        if (!present(node, field)) {
            throw ApiException.badRequest("missing_field", path + " is required", path);
        }
        return node.get(field);
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.badRequest("invalid_type", path + " must be an object", path);
        }
    }

    private static String requiredText(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_type", path + " must be a string", path);
        }
        if (value.textValue().isBlank()) {
            throw ApiException.badRequest("missing_field", path + " must not be empty", path);
        }
        return value.textValue();
    }

    /** A name that becomes part of a graph key: non-empty, bounded, without control characters. */
    private static String identifier(JsonNode node, String field, String path) {
        String value = requiredText(node, field, path);
        if (utf8Length(value) > MAX_IDENTIFIER_BYTES) {
            throw ApiException.badRequest("invalid_value",
                    path + " is longer than " + MAX_IDENTIFIER_BYTES + " bytes", path);
        }
        if (hasControlCharacter(value)) {
            throw ApiException.badRequest("invalid_value", path + " contains a control character", path);
        }
        return value;
    }

    private static boolean validIdentifier(String value) {
        return value != null && !value.isBlank() && utf8Length(value) <= MAX_IDENTIFIER_BYTES
                && !hasControlCharacter(value);
    }

    private static String validIdentifierOrNull(JsonNode node) {
        String value = optionalText(node);
        return validIdentifier(value) ? value : null;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static int utf8Length(String value) {
        if (value.length() * 3 <= MAX_IDENTIFIER_BYTES) {
            return value.length();
        }
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String optionalText(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static JsonNode objectOrNull(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    private static JsonNode path(JsonNode node, String... fields) {
        JsonNode current = node;
        for (String field : fields) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current;
    }

    private static String text(JsonNode node, String... fields) {
        String value = optionalText(path(node, fields));
        return value == null || value.isBlank() ? null : value;
    }

    private static String upperOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String json(JsonNode node) {
        return new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static Set<String> enumNames() {
        Set<String> names = new LinkedHashSet<>();
        for (OpenLineage.RunEvent.EventType type : OpenLineage.RunEvent.EventType.values()) {
            names.add(type.name());
        }
        return names;
    }
}
