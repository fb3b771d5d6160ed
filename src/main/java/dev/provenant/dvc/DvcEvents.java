package dev.provenant.dvc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a {@link DvcPipeline} into OpenLineage run events: one run of the job {@code dvc.yaml} for the
 * pipeline, and under it (parent facet) one run per stage, each a START and a COMPLETE, upstream stages
 * first. Everything in the events is derived from the repository's state, never from the clock, so
 * emitting the same state again yields byte-identical events that the server stores once.
 */
public final class DvcEvents {

    public static final URI PRODUCER = URI.create("https://github.com/provenant/provenant/tree/main/dvc");
    public static final String PIPELINE_JOB = "dvc.yaml";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    private DvcEvents() {}

    /** @param namespace job and dataset namespace; {@code null} for the default derived from the repository */
    public record Settings(String namespace, ModelPatterns models) {}

    public static List<OpenLineage.RunEvent> events(DvcPipeline pipeline, Optional<GitInfo> git, Settings settings) {
        OpenLineage ol = new OpenLineage(PRODUCER);
        String namespace = settings.namespace() != null ? settings.namespace() : defaultNamespace(pipeline.dir(), git);
        ZonedDateTime time = eventTime(pipeline.dir(), git);
        Optional<OpenLineage.SourceCodeLocationJobFacet> location = git.map(g -> sourceLocation(ol, g));

        List<String> stageIdentities = new ArrayList<>();
        Map<String, UUID> runIds = new LinkedHashMap<>();
        for (DvcPipeline.Stage stage : pipeline.stages()) {
            String content = sha256(canonical(stage.lock().raw()));
            stageIdentities.add(stage.name() + "=" + content);
            runIds.put(stage.name(), uuid(namespace, "stage", stage.name(), content));
        }
        UUID pipelineRun = uuid(namespace, "pipeline", String.join("\n", stageIdentities));
        OpenLineage.Job pipelineJob = job(ol, namespace, PIPELINE_JOB, "PIPELINE", null, null, location);

        List<OpenLineage.RunEvent> events = new ArrayList<>();
        events.add(event(ol, EventType.START, time, ol.newRunBuilder().runId(pipelineRun).build(), pipelineJob,
                List.of(), List.of()));
        OpenLineage.ParentRunFacet parent = ol.newParentRunFacetBuilder()
                .run(ol.newParentRunFacetRunBuilder().runId(pipelineRun).build())
                .job(ol.newParentRunFacetJobBuilder().namespace(namespace).name(PIPELINE_JOB).build())
                .root(ol.newParentRunFacetRootBuilder()
                        .run(ol.newRootRunBuilder().runId(pipelineRun).build())
                        .job(ol.newRootJobBuilder().namespace(namespace).name(PIPELINE_JOB).build())
                        .build())
                .build();
        for (DvcPipeline.Stage stage : pipeline.stages()) {
            OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder().parent(parent);
            int at = stage.name().indexOf('@');
            runFacets.put("dvcStage", new DvcFacets.Stage(PRODUCER, stage.name(),
                    at < 0 ? null : stage.name().substring(at + 1), stage.upstream(), pipeline.lockFormat().name()));
            if (!stage.params().isEmpty()) {
                runFacets.put("dvcParams", new DvcFacets.Params(PRODUCER, stage.params()));
            }
            OpenLineage.Run run = ol.newRunBuilder().runId(runIds.get(stage.name())).facets(runFacets.build()).build();
            OpenLineage.Job job = job(ol, namespace, stage.name(), "STAGE", stage.lock().cmd(), stage.description(),
                    location);
            List<OpenLineage.InputDataset> inputs = new ArrayList<>();
            for (DvcLock.LockedPath dep : stage.lock().deps()) {
                DatasetId id = datasetId(namespace, dep.path());
                inputs.add(ol.newInputDatasetBuilder().namespace(id.namespace()).name(id.name())
                        .facets(datasetFacets(ol, pipeline, settings, dep)).build());
            }
            List<OpenLineage.OutputDataset> outputs = new ArrayList<>();
            for (DvcLock.LockedPath out : stage.lock().outs()) {
                DatasetId id = datasetId(namespace, out.path());
                OpenLineage.OutputDatasetBuilder output = ol.newOutputDatasetBuilder().namespace(id.namespace())
                        .name(id.name()).facets(datasetFacets(ol, pipeline, settings, out));
                Map<String, JsonNode> metrics = new LinkedHashMap<>();
                String outPath = DvcPaths.normalize(out.path());
                stage.metrics().forEach((file, values) -> {
                    if (DvcPaths.contains(outPath, file)) {
                        metrics.put(file, values.isMissingNode() ? NullNode.getInstance() : values);
                    }
                });
                if (!metrics.isEmpty()) {
                    output.outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
                            .put("dvcMetrics", new DvcFacets.Metrics(PRODUCER, metrics)).build());
                }
                outputs.add(output.build());
            }
            events.add(event(ol, EventType.START, time, run, job, inputs, outputs));
            events.add(event(ol, EventType.COMPLETE, time, run, job, inputs, outputs));
        }
        events.add(event(ol, EventType.COMPLETE, time, ol.newRunBuilder().runId(pipelineRun).build(), pipelineJob,
                List.of(), List.of()));
        return events;
    }

    /**
     * {@code dvc://<remote host and path>[/<pipeline dir in the repository>]}; without a remote the git
     * root's directory name stands for the host and path; outside git, the pipeline directory's name.
     */
    public static String defaultNamespace(Path dir, Optional<GitInfo> git) {
        if (git.isEmpty()) {
            return "dvc://" + dir.toAbsolutePath().normalize().getFileName();
        }
        GitInfo g = git.get();
        String base = g.webUrl().map(u -> u.getHost() + u.getPath())
                .orElse(String.valueOf(g.root().getFileName()));
        return "dvc://" + base + (g.prefix().isEmpty() ? "" : "/" + g.prefix());
    }

    /**
     * The time of the commit that recorded dvc.lock; when dvc.lock has uncommitted changes or there is no
     * git, the file's modification time (whole seconds). Both stay put while the lock does not change.
     */
    static ZonedDateTime eventTime(Path dir, Optional<GitInfo> git) {
        Instant time = git.map(GitInfo::lockCommitTime).orElse(null);
        if (time == null) {
            try {
                time = Files.getLastModifiedTime(dir.resolve("dvc.lock")).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return time.atZone(ZoneOffset.UTC);
    }

    record DatasetId(String namespace, String name) {}

    /**
     * A path relative to dvc.yaml is a dataset of the pipeline's namespace named by that path; a URL
     * ({@code s3://bucket/key}) is namespace {@code s3://bucket}, name {@code key}; an absolute path is
     * namespace {@code file}, name the path.
     */
    static DatasetId datasetId(String namespace, String path) {
        String p = DvcPaths.normalize(path);
        if (DvcPaths.isUrl(p)) {
            int scheme = p.indexOf("://");
            int slash = p.indexOf('/', scheme + 3);
            return slash < 0 ? new DatasetId(p, "/")
                    : new DatasetId(p.substring(0, slash), p.substring(slash + 1));
        }
        if (p.startsWith("/")) {
            return new DatasetId("file", p);
        }
        return new DatasetId(namespace, p);
    }

    private static OpenLineage.DatasetFacets datasetFacets(OpenLineage ol, DvcPipeline pipeline, Settings settings,
            DvcLock.LockedPath path) {
        OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
        if (path.hash() != null) {
            facets.version(ol.newDatasetVersionDatasetFacet(path.hash()));
        }
        String normalized = DvcPaths.normalize(path.path());
        if (pipeline.modelArtifacts().containsKey(normalized) || settings.models().matches(normalized)) {
            facets.datasetType(ol.newDatasetTypeDatasetFacetBuilder().datasetType("MODEL").build());
        }
        return facets.build();
    }

    private static OpenLineage.Job job(OpenLineage ol, String namespace, String name, String jobType, String cmd,
            String description, Optional<OpenLineage.SourceCodeLocationJobFacet> location) {
        OpenLineage.JobFacetsBuilder facets = ol.newJobFacetsBuilder()
                .jobType(ol.newJobTypeJobFacetBuilder().processingType("BATCH").integration("DVC").jobType(jobType)
                        .build());
        if (cmd != null) {
            facets.sourceCode(ol.newSourceCodeJobFacetBuilder().language("shell").sourceCode(cmd).build());
        }
        if (description != null) {
            facets.documentation(ol.newDocumentationJobFacetBuilder().description(description).build());
        }
        location.ifPresent(facets::sourceCodeLocation);
        return ol.newJobBuilder().namespace(namespace).name(name).facets(facets.build()).build();
    }

    private static OpenLineage.SourceCodeLocationJobFacet sourceLocation(OpenLineage ol, GitInfo git) {
        return ol.newSourceCodeLocationJobFacetBuilder()
                .type("git")
                .url(git.webUrl().orElse(git.root().toUri()))
                .repoUrl(git.remote())
                .path(git.prefix().isEmpty() ? "dvc.yaml" : git.prefix() + "/dvc.yaml")
                .version(git.lockCommit())
                .build();
    }

    private static OpenLineage.RunEvent event(OpenLineage ol, EventType type, ZonedDateTime time, OpenLineage.Run run,
            OpenLineage.Job job, List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        return ol.newRunEventBuilder().eventType(type).eventTime(time).run(run).job(job).inputs(inputs)
                .outputs(outputs).build();
    }

    /** Name-based (version 3) UUID: the same parts always give the same run id. */
    static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(("provenant-dvc\n" + String.join("\n", parts)).getBytes(StandardCharsets.UTF_8));
    }

    static String canonical(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
