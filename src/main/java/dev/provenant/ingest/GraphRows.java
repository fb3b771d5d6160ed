package dev.provenant.ingest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a batch of new events into the parameter rows of the ingest Cypher statements, one list per
 * statement, so that a whole group commit is a fixed number of {@code UNWIND} statements.
 */
final class GraphRows {

    final List<Map<String, Object>> events = new ArrayList<>();
    final List<Map<String, Object>> jobs = new ArrayList<>();
    final List<Map<String, Object>> runs = new ArrayList<>();
    final List<Map<String, Object>> parents = new ArrayList<>();
    final List<Map<String, Object>> datasets = new ArrayList<>();
    /** Field rows to write: after {@link #keepChangedFields}, only those of datasets whose field set changed. */
    List<Map<String, Object>> fields = new ArrayList<>();
    /** One row per dataset whose fields are written: {namespace, name, hash} of the last field set applied. */
    final List<Map<String, Object>> fieldHashes = new ArrayList<>();
    /** Per event, per dataset: the field rows it reports, in order, with a hash over what they say. */
    private final List<FieldSet> fieldSets = new ArrayList<>();
    /** The field sets of the event being added, by dataset. */
    private final Map<DatasetKey, List<Map<String, Object>>> eventFields = new LinkedHashMap<>();
    private final Map<DatasetKey, Set<String>> eventPaths = new HashMap<>();
    final List<Map<String, Object>> jobInputs = new ArrayList<>();
    final List<Map<String, Object>> jobOutputs = new ArrayList<>();
    final List<Map<String, Object>> runReads = new ArrayList<>();
    final List<Map<String, Object>> runWrites = new ArrayList<>();
    final List<Map<String, Object>> columnLineage = new ArrayList<>();
    final List<Map<String, Object>> completions = new ArrayList<>();

    /** Events already placed in the chain: {@code seq}, {@code prevHash} and {@code chainHash} assigned. */
    record ChainedEvent(QueuedEvent queued, long seq, String prevHash, String chainHash) {}

    /**
     * What one event says about one dataset's fields: its field rows, in order, and a SHA-256 over their
     * content. Writing the same set again changes nothing, so a set equal to the last one written for
     * the dataset can be skipped.
     */
    record FieldSet(DatasetKey dataset, List<Map<String, Object>> rows, String hash) {

        static FieldSet of(DatasetKey dataset, List<Map<String, Object>> rows) {
            StringBuilder content = new StringBuilder(rows.size() * 48);
            for (Map<String, Object> row : rows) {
                for (String key : FIELD_CONTENT) {
                    Object value = row.get(key);
                    // Length-prefixed, so that no two different rows give the same text.
                    String text = value == null ? "" : value.toString();
                    content.append(value == null ? -1 : text.length()).append(':').append(text);
                }
                content.append('\n');
            }
            return new FieldSet(dataset, rows, CanonicalJson.sha256(content.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static final List<String> FIELD_CONTENT = List.of("path", "parentPath", "name", "type", "description");

    static GraphRows of(List<ChainedEvent> chained, DatasetIdentities identities) {
        GraphRows rows = new GraphRows();
        // Resolve every snapshot first, so that each dataset row carries all aliases found in the batch.
        Map<DatasetSnapshot, DatasetKey> resolved = new IdentityHashMap<>();
        for (ChainedEvent c : chained) {
            for (DatasetSnapshot snapshot : DatasetIdentities.snapshots(c.queued().event())) {
                resolved.put(snapshot, identities.resolve(snapshot));
            }
        }
        for (ChainedEvent c : chained) {
            rows.add(c, resolved, identities);
            rows.eventFields.forEach((dataset, fieldRows) -> rows.fieldSets.add(FieldSet.of(dataset, fieldRows)));
            rows.eventFields.clear();
            rows.eventPaths.clear();
        }
        rows.fields = rows.fieldSets.stream().flatMap(set -> set.rows().stream()).toList();
        return rows;
    }

    /**
     * Drops the field rows of every dataset whose field sets in these events all equal the set last
     * written for it ({@code stored}: dataset to hash; absent when never written). The others keep all
     * their rows, in order, and get a {@link #fieldHashes} row with the hash of their last set. Most
     * events repeat a known schema, so this skips most of the field writes.
     */
    void keepChangedFields(Map<DatasetKey, String> stored) {
        Map<DatasetKey, String> lastHash = new LinkedHashMap<>();
        Set<DatasetKey> changed = new LinkedHashSet<>();
        for (FieldSet set : fieldSets) {
            lastHash.put(set.dataset(), set.hash());
            if (!set.hash().equals(stored.get(set.dataset()))) {
                changed.add(set.dataset());
            }
        }
        fields = fieldSets.stream().filter(set -> changed.contains(set.dataset()))
                .flatMap(set -> set.rows().stream()).toList();
        fieldHashes.clear();
        for (DatasetKey dataset : changed) {
            fieldHashes.add(Map.of("namespace", dataset.namespace(), "name", dataset.name(), "hash", lastHash.get(dataset)));
        }
    }

    private void add(ChainedEvent chained, Map<DatasetSnapshot, DatasetKey> resolved, DatasetIdentities identities) {
        ParsedEvent event = chained.queued().event();
        OffsetDateTime time = event.eventTime();
        String runId = event.run() == null ? null : event.run().runId();
        ParsedEvent.Job job = event.job();

        Map<String, Object> eventRow = new HashMap<>();
        eventRow.put("hash", event.hash());
        eventRow.put("seq", chained.seq());
        eventRow.put("prevHash", chained.prevHash());
        eventRow.put("chainHash", chained.chainHash());
        eventRow.put("receivedAt", chained.queued().receivedAt());
        eventRow.put("kind", event.kind().name());
        eventRow.put("eventType", event.eventType());
        eventRow.put("eventTime", time);
        eventRow.put("producer", event.producer());
        eventRow.put("schemaURL", event.schemaUrl());
        eventRow.put("runId", runId);
        eventRow.put("jobNamespace", job == null ? null : job.namespace());
        eventRow.put("jobName", job == null ? null : job.name());
        eventRow.put("datasetNamespace", event.dataset() == null ? null : resolved.get(event.dataset()).namespace());
        eventRow.put("datasetName", event.dataset() == null ? null : resolved.get(event.dataset()).name());
        eventRow.put("payload", chained.queued().gzippedPayload());
        eventRow.put("payloadBytes", event.canonicalJson().length);
        events.add(eventRow);

        if (job != null) {
            jobs.add(Map.of("namespace", job.namespace(), "name", job.name(), "facets", job.facets(), "eventTime", time));
        }
        if (event.run() != null) {
            Map<String, Object> run = new HashMap<>();
            run.put("runId", runId);
            run.put("jobNamespace", job.namespace());
            run.put("jobName", job.name());
            run.put("eventType", event.eventType());
            run.put("rank", RunStates.rank(event.eventType()));
            run.put("eventTime", time);
            run.put("facets", event.run().facets());
            run.put("errorMessage", event.run().errorMessage());
            runs.add(run);
            ParsedEvent.ParentRun parent = event.run().parent();
            if (parent != null && !parent.runId().equals(runId)) {
                parents.add(Map.of("runId", runId, "parentRunId", parent.runId(),
                        "parentJobNamespace", parent.jobNamespace(), "parentJobName", parent.jobName()));
            }
            if ("COMPLETE".equals(event.eventType())) {
                completions.add(Map.of("jobNamespace", job.namespace(), "jobName", job.name(), "runId", runId,
                        "eventTime", time));
            }
        }

        for (DatasetSnapshot input : event.inputs()) {
            DatasetKey key = resolved.get(input);
            addDataset(input, key, time, identities);
            if (job != null) {
                jobInputs.add(ioRow(job, key, runId, time));
            }
            if (runId != null) {
                runReads.add(versionRow(runId, key, input.version(), input.ioFacets(), time));
            }
        }
        for (DatasetSnapshot output : event.outputs()) {
            DatasetKey key = resolved.get(output);
            addDataset(output, key, time, identities);
            if (job != null) {
                jobOutputs.add(ioRow(job, key, runId, time));
            }
            if (runId != null) {
                String version = output.version() != null ? output.version() : "run:" + runId;
                runWrites.add(versionRow(runId, key, version, output.ioFacets(), time));
            }
            if (job != null) {
                addColumnLineage(output, key, job, runId, time, identities);
            }
        }
        if (event.dataset() != null) {
            addDataset(event.dataset(), resolved.get(event.dataset()), time, identities);
        }
    }

    private void addDataset(DatasetSnapshot snapshot, DatasetKey key, OffsetDateTime time, DatasetIdentities identities) {
        datasets.add(datasetRow(key, snapshot.facets(), snapshot.datasetType(), time, identities));
        Set<String> known = new LinkedHashSet<>();
        for (FieldDef field : snapshot.fields()) {
            known.add(field.path());
            addField(key, fieldRow(key, field.path(), field.parentPath(), field.name(), field.type(), field.description()));
        }
        // Fields that only column lineage names still become nodes of their dataset.
        for (ColumnLineageEdge edge : snapshot.columnLineage()) {
            if (known.add(edge.toField())) {
                addMentionedField(key, edge.toField());
            }
        }
    }

    private void addColumnLineage(DatasetSnapshot output, DatasetKey outputKey, ParsedEvent.Job job, String runId,
            OffsetDateTime time, DatasetIdentities identities) {
        Map<DatasetKey, Set<String>> sourceFields = new LinkedHashMap<>();
        for (ColumnLineageEdge edge : output.columnLineage()) {
            DatasetKey from = identities.resolve(edge.from());
            if (sourceFields.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(edge.fromField())) {
                addMentionedField(from, edge.fromField());
            }
            Map<String, Object> row = new HashMap<>();
            row.put("fromNamespace", from.namespace());
            row.put("fromDataset", from.name());
            row.put("fromField", edge.fromField());
            row.put("toNamespace", outputKey.namespace());
            row.put("toDataset", outputKey.name());
            row.put("toField", edge.toField());
            row.put("jobNamespace", job.namespace());
            row.put("jobName", job.name());
            row.put("runId", runId);
            row.put("type", edge.type());
            row.put("subtype", edge.subtype());
            row.put("masking", edge.masking());
            row.put("description", edge.description());
            row.put("eventTime", time);
            columnLineage.add(row);
        }
        for (DatasetKey source : sourceFields.keySet()) {
            datasets.add(datasetRow(source, Map.of(), null, time, identities));
        }
    }

    private void addField(DatasetKey dataset, Map<String, Object> row) {
        eventFields.computeIfAbsent(dataset, k -> new ArrayList<>()).add(row);
        eventPaths.computeIfAbsent(dataset, k -> new HashSet<>()).add((String) row.get("path"));
    }

    /**
     * A field only column lineage names. When the event's schema of that dataset already has the field,
     * the mention adds nothing, and leaving it out keeps the dataset's field set the same whether the
     * event writes the dataset or reads it.
     */
    private void addMentionedField(DatasetKey dataset, String path) {
        if (!eventPaths.getOrDefault(dataset, Set.of()).contains(path)) {
            addField(dataset, fieldRow(dataset, path, null, path, null, null));
        }
    }

    private static Map<String, Object> datasetRow(DatasetKey key, Map<String, String> facets, String datasetType,
            OffsetDateTime time, DatasetIdentities identities) {
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (DatasetSnapshot.Symlink alias : identities.aliasesOf(key)) {
            Map<String, Object> a = new HashMap<>();
            a.put("namespace", alias.key().namespace());
            a.put("name", alias.key().name());
            a.put("type", alias.type());
            aliases.add(a);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("namespace", key.namespace());
        row.put("name", key.name());
        row.put("facets", facets);
        row.put("eventTime", time);
        row.put("isModel", "MODEL".equalsIgnoreCase(datasetType));
        row.put("isFeature", "FEATURE".equalsIgnoreCase(datasetType));
        row.put("aliases", aliases);
        return row;
    }

    private static Map<String, Object> fieldRow(DatasetKey dataset, String path, String parentPath, String name,
            String type, String description) {
        Map<String, Object> row = new HashMap<>();
        row.put("namespace", dataset.namespace());
        row.put("dataset", dataset.name());
        row.put("path", path);
        row.put("parentPath", parentPath);
        row.put("name", name);
        row.put("type", type);
        row.put("description", description);
        return row;
    }

    private static Map<String, Object> ioRow(ParsedEvent.Job job, DatasetKey dataset, String runId, OffsetDateTime time) {
        Map<String, Object> row = new HashMap<>();
        row.put("jobNamespace", job.namespace());
        row.put("jobName", job.name());
        row.put("namespace", dataset.namespace());
        row.put("name", dataset.name());
        row.put("runId", runId);
        row.put("eventTime", time);
        return row;
    }

    private static Map<String, Object> versionRow(String runId, DatasetKey dataset, String version,
            Map<String, String> facets, OffsetDateTime time) {
        Map<String, Object> row = new HashMap<>();
        row.put("runId", runId);
        row.put("namespace", dataset.namespace());
        row.put("name", dataset.name());
        row.put("version", version);
        row.put("facets", facets);
        row.put("eventTime", time);
        return row;
    }
}
