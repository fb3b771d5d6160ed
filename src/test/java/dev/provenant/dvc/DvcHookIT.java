package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * provenant-dvc against the running application, on every real pipeline of ../shared/conformance/dvc:
 * the graph must hold each stage as a job, its deps and outs as dataset lineage, the hashes of dvc.lock
 * as dataset versions and the models as :Model; emitting again must change nothing.
 */
@QuarkusTest
class DvcHookIT {

    /** All events carry the time of dvc.lock when git is absent; the copies get this one. */
    private static final Instant LOCK_TIME = Instant.parse("2024-03-04T05:06:07Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL server;

    @Inject
    Driver driver;

    /** What each pipeline must become: its stages (foreach expanded), the lock entries dvc.yaml dropped, its models. */
    record Expected(String pipeline, Set<String> stages, Set<String> stale, Set<String> models) {
        @Override
        public String toString() {
            return pipeline;
        }
    }

    static Stream<Expected> pipelines() {
        return Stream.of(
                new Expected("example-get-started", Set.of("prepare", "featurize", "train", "evaluate"), Set.of(),
                        Set.of("model.pkl")),
                new Expected("example-get-started-dvc2-2023", Set.of("prepare", "featurize", "train", "evaluate"),
                        Set.of(), Set.of("model.pkl")),
                new Expected("example-get-started-lockv1-2020", Set.of("prepare", "featurize", "train", "evaluate"),
                        Set.of(), Set.of("model.pkl")),
                new Expected("example-get-started-experiments", Set.of("data_split", "train", "evaluate", "sagemaker"),
                        Set.of(), Set.of("models/model.pkl", "models/model.pth")),
                new Expected("example-pokemon-classifier", Set.of("data_preprocess", "data_load", "train", "evaluate"),
                        Set.of(), Set.of("outputs/model", "outputs/model/keras_metadata.pb",
                                "outputs/model/saved_model.pb")),
                new Expected("magnetic-tiles-defect", Set.of("data_load", "data_split", "train", "evaluate"), Set.of(),
                        Set.of("models/model_pickle_fastai.pkl")),
                new Expected("monorepo-dvc-repro-project-1", Set.of("generate_table", "log_dvclive"), Set.of(), Set.of()),
                new Expected("pipeline-configuration-multi-params-files", Set.of("data_load", "train", "evaluate"),
                        Set.of(), Set.of()),
                new Expected("pipeline-configuration-multi-validation-datasets", Set.of("data_load", "train",
                        "evaluate@micro", "evaluate@customer-1", "evaluate@customer-2", "collect_metrics",
                        "check_metrics"), Set.of("basic", "data_load_with_preset"), Set.of()),
                new Expected("vision-rd-bbox-tube-temporal", visionStages(), Set.of("train_gru_seed43",
                        "train_gru_seed44", "evaluate_gru_seed43@train", "evaluate_gru_seed43@val",
                        "evaluate_gru_seed44@train", "evaluate_gru_seed44@val", "plot_training@gru",
                        "plot_training@gru_seed43", "plot_training@gru_seed44", "plot_training@gru_convnext",
                        "plot_training@gru_finetune", "plot_training@gru_convnext_finetune", "package"),
                        Set.of("data/01_raw/models", "data/01_raw/models/best.pt",
                                "data/06_models/gru/best_checkpoint.pt", "data/06_models/gru_convnext/best_checkpoint.pt",
                                "data/06_models/gru_convnext_base_finetune/best_checkpoint.pt",
                                "data/06_models/gru_convnext_finetune/best_checkpoint.pt",
                                "data/06_models/gru_finetune/best_checkpoint.pt",
                                "data/06_models/mean_pool/best_checkpoint.pt",
                                "data/06_models/vit_dinov2_finetune/best_checkpoint.pt",
                                "data/06_models/vit_dinov2_frozen/best_checkpoint.pt",
                                "data/06_models/vit_in21k_finetune/best_checkpoint.pt")),
                new Expected("vision-rd-data-quality-sequential", Set.of(
                        "predict_bbox_tube_temporal_vit_dinov2_finetune@train",
                        "predict_bbox_tube_temporal_vit_dinov2_finetune@val",
                        "predict_bbox_tube_temporal_vit_dinov2_finetune@test",
                        "build_review_sets_bbox_tube_temporal_vit_dinov2_finetune@train",
                        "build_review_sets_bbox_tube_temporal_vit_dinov2_finetune@val",
                        "build_review_sets_bbox_tube_temporal_vit_dinov2_finetune@test",
                        "build_fiftyone_bbox_tube_temporal_vit_dinov2_finetune@train",
                        "build_fiftyone_bbox_tube_temporal_vit_dinov2_finetune@val",
                        "build_fiftyone_bbox_tube_temporal_vit_dinov2_finetune@test"), Set.of(),
                        Set.of("data/01_raw/models/bbox-tube-temporal-vit-dinov2-finetune.zip")));
    }

    private static Set<String> visionStages() {
        Set<String> stages = new HashSet<>(Set.of("prepare", "train_mean_pool", "train_gru", "train_gru_convnext",
                "train_gru_finetune", "train_gru_convnext_finetune", "train_gru_convnext_base_finetune",
                "train_vit_dinov2_frozen", "train_vit_dinov2_finetune", "train_vit_in21k_finetune", "compare_variants",
                "package@gru_convnext_finetune", "package@vit_dinov2_finetune", "analyze_variant@gru_convnext_finetune",
                "analyze_variant@vit_dinov2_finetune", "evaluate_packaged@0", "evaluate_packaged@1",
                "evaluate_packaged@2", "evaluate_packaged@3", "evaluate_vit_dinov2_frozen@val"));
        for (String split : List.of("train", "val")) {
            for (String stage : List.of("truncate", "build_tubes", "render_tubes", "build_model_input",
                    "evaluate_mean_pool", "evaluate_gru", "evaluate_gru_convnext", "evaluate_gru_finetune",
                    "evaluate_gru_convnext_finetune", "evaluate_gru_convnext_base_finetune",
                    "evaluate_vit_dinov2_finetune", "evaluate_vit_in21k_finetune")) {
                stages.add(stage + "@" + split);
            }
        }
        stages.add("evaluate_vit_dinov2_frozen@train");
        return stages;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void everyConformancePipelineBecomesItsGraph(Expected expected) throws Exception {
        String ns = "dvc-hook-it://" + expected.pipeline();
        Path repo = copy(expected.pipeline());

        Result first = run("emit", "--repo", repo.toString(), "--url", baseUrl(), "--api-key",
                TestResources.ADMIN_TOKEN, "--namespace", ns);
        assertThat(first.code()).as(first.err()).isEqualTo(0);
        assertThat(first.out()).contains("sent " + (2 * expected.stages().size() + 2) + " events");

        Set<String> jobs = new TreeSet<>(expected.stages());
        jobs.add("dvc.yaml");
        assertThat(strings("MATCH (j:Job {namespace: $ns}) RETURN j.name", ns)).containsExactlyInAnyOrderElementsOf(jobs);

        // deps, outs and versions, read independently from the fixture's dvc.lock
        JsonNode lock = DvcFiles.readYaml(repo.resolve("dvc.lock"));
        JsonNode entries = lock.has("schema") ? lock.get("stages") : lock;
        Set<String> inputs = new TreeSet<>();
        Set<String> outputs = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        entries.fields().forEachRemaining(e -> {
            if (!expected.stages().contains(e.getKey())) {
                assertThat(expected.stale()).contains(e.getKey());
                return;
            }
            e.getValue().path("deps").forEach(d -> inputs.add(path(d) + " -> " + e.getKey()));
            e.getValue().path("outs").forEach(o -> {
                outputs.add(e.getKey() + " -> " + path(o));
                written.add(e.getKey() + " wrote " + path(o) + "@" + o.get("md5").asText());
            });
        });
        assertThat(strings("MATCH (d:Dataset {namespace: $ns})-[:INPUT_TO]->(j:Job {namespace: $ns})"
                + " RETURN d.name + ' -> ' + j.name", ns)).containsExactlyInAnyOrderElementsOf(inputs);
        assertThat(strings("MATCH (j:Job {namespace: $ns})-[:OUTPUTS]->(d:Dataset {namespace: $ns})"
                + " RETURN j.name + ' -> ' + d.name", ns)).containsExactlyInAnyOrderElementsOf(outputs);
        assertThat(strings("MATCH (j:Job {namespace: $ns})<-[:OF]-(:Run)-[:WROTE]->(v:DatasetVersion)"
                + " RETURN j.name + ' wrote ' + v.name + '@' + v.version", ns)).containsExactlyInAnyOrderElementsOf(written);
        assertThat(modelFacets(ns)).containsExactlyInAnyOrderElementsOf(expected.models());
        assertThat(strings("MATCH (m:Dataset:Model {namespace: $ns}) RETURN m.name", ns))
                .containsAll(expected.models());

        // every stage ran once, completed, as a child of the pipeline's run
        assertThat(strings("MATCH (j:Job {namespace: $ns})<-[:OF]-(r:Run)-[:CHILD_OF]->(:Run)-[:OF]->"
                + "(:Job {namespace: $ns, name: 'dvc.yaml'}) RETURN j.name + ' ' + r.state", ns))
                .containsExactlyInAnyOrderElementsOf(expected.stages().stream().map(s -> s + " COMPLETE").toList());
        String someRun = strings("MATCH (:Job {namespace: $ns, name: 'dvc.yaml'})<-[:OF]-(r:Run) RETURN r.runId", ns).get(0);
        JsonNode pipelineRun = JSON.readTree(api().get("/api/v1/runs?runId=" + someRun).body());
        assertThat(pipelineRun.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(pipelineRun.get("startedAt").asText()).isEqualTo("2024-03-04T05:06:07Z");

        // idempotent: emitting again changes nothing, and each event is answered as a duplicate
        List<Long> before = counts(ns);
        Result second = run("emit", "--repo", repo.toString(), "--url", baseUrl(), "--api-key",
                TestResources.ADMIN_TOKEN, "--namespace", ns);
        assertThat(second.code()).as(second.err()).isEqualTo(0);
        assertThat(counts(ns)).isEqualTo(before);
        Result dry = run("emit", "--repo", repo.toString(), "--namespace", ns, "--dry-run");
        List<String> events = dry.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(events).hasSize(2 * expected.stages().size() + 2);
        HttpResponse<String> response = api().post("/api/v1/lineage/batch",
                String.join("\n", events).getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        JsonNode batch = JSON.readTree(response.body());
        assertThat(batch.get("duplicates").asInt()).as(response.body()).isEqualTo(events.size());
        assertThat(batch.get("accepted").asInt()).isEqualTo(0);
        assertThat(batch.get("rejected").asInt()).isEqualTo(0);
    }

    /** A lock path as a dataset name: directory outs may be written with a trailing slash ({@code csv_logs/}). */
    private static String path(JsonNode entry) {
        return entry.get("path").asText().replaceAll("/+$", "");
    }

    @Test
    void stageFacetsParamsMetricsAndLineageOfTheGetStartedPipeline() throws Exception {
        String ns = "dvc-hook-it-facets://example-get-started";
        Path repo = copy("example-get-started");
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/metrics.json"), "{\"avg_prec\": {\"test\": 0.9}, \"roc_auc\": {\"test\": 0.95}}");
        assertThat(run("emit", "--repo", repo.toString(), "--url", baseUrl(), "--api-key", TestResources.ADMIN_TOKEN,
                "--namespace", ns).code()).isEqualTo(0);

        Record train = new Graph(driver).query("MATCH (j:Job {namespace: $ns, name: 'train'})<-[:OF]-(r:Run)"
                + " RETURN j.`facet.sourceCode` AS code, j.`facet.jobType` AS type, r.runId AS run", Map.of("ns", ns)).get(0);
        assertThat(JSON.readTree(train.get("code").asString()).get("sourceCode").asText())
                .isEqualTo("python src/train.py data/features model.pkl");
        assertThat(JSON.readTree(train.get("type").asString()).get("integration").asText()).isEqualTo("DVC");
        JsonNode run = JSON.readTree(api().get("/api/v1/runs?runId=" + train.get("run").asString()).body());
        assertThat(run.at("/facets/dvcParams/params/params.yaml").toString())
                .isEqualTo("{\"train.min_split\":0.01,\"train.n_est\":50,\"train.seed\":20170428}");
        assertThat(run.at("/facets/dvcParams/_schemaURL").asText()).endsWith("integrations.md#dvcparams");
        assertThat(run.at("/facets/dvcStage/upstreamStages").toString()).isEqualTo("[\"featurize\"]");
        assertThat(run.at("/parent/job/name").asText()).isEqualTo("dvc.yaml");

        String metrics = strings("MATCH (:Job {namespace: $ns, name: 'evaluate'})<-[:OF]-(:Run)-[w:WROTE]->"
                + "(:DatasetVersion {name: 'eval'}) RETURN w.`facet.dvcMetrics`", ns).get(0);
        assertThat(JSON.readTree(metrics).get("files").toString())
                .isEqualTo("{\"eval/metrics.json\":{\"avg_prec\":{\"test\":0.9},\"roc_auc\":{\"test\":0.95}}}");

        JsonNode lineage = JSON.readTree(api().get("/api/v1/lineage?type=dataset&namespace="
                + URLEncoder.encode(ns, StandardCharsets.UTF_8) + "&name=model.pkl&direction=UPSTREAM&depth=10").body());
        List<String> nodes = new ArrayList<>();
        lineage.get("nodes").forEach(n -> nodes.add(n.get("type").asText() + ":" + n.get("name").asText()
                + (n.path("model").asBoolean() ? " model" : "")));
        assertThat(nodes).containsExactlyInAnyOrder("dataset:model.pkl model", "job:train", "dataset:data/features",
                "dataset:src/train.py", "job:featurize", "dataset:data/prepared", "dataset:src/featurization.py",
                "job:prepare", "dataset:data/data.xml", "dataset:src/prepare.py");
    }

    @Test
    void artifactsAloneMakeModelsWhenPatternsAreSwitchedOff() {
        String ns = "dvc-hook-it-artifacts://example-get-started-experiments";
        Path repo = copy("example-get-started-experiments");
        assertThat(run("emit", "--repo", repo.toString(), "--url", baseUrl(), "--api-key", TestResources.ADMIN_TOKEN,
                "--namespace", ns, "--model-pattern=").code()).isEqualTo(0);
        assertThat(modelFacets(ns)).containsExactly("models/model.pkl");
        assertThat(strings("MATCH (m:Model {namespace: $ns}) RETURN m.name", ns)).contains("models/model.pkl");
    }

    @Test
    void theLauncherScriptRunsAsItsOwnProcess() throws Exception {
        String ns = "dvc-hook-it-process://example-pokemon-classifier";
        Path repo = copy("example-pokemon-classifier");
        ProcessBuilder withoutKey = new ProcessBuilder(launcher().toString(), "emit", "--repo", repo.toString(),
                "--url", baseUrl(), "--namespace", ns, "--model-pattern", "*.pckl,outputs/model").redirectErrorStream(true);
        withoutKey.environment().remove("PROVENANT_API_KEY");
        Process process = withoutKey.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("--api-key is required");

        ProcessBuilder builder = new ProcessBuilder(launcher().toString(), "emit", "--repo", repo.toString(), "--url",
                baseUrl(), "--namespace", ns, "--model-pattern", "*.pckl,outputs/model").redirectErrorStream(true);
        builder.environment().put("PROVENANT_API_KEY", TestResources.ADMIN_TOKEN);
        process = builder.start();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(0);
        assertThat(output.strip()).isEqualTo("provenant-dvc: sent 10 events for 4 stages of " + repo + " to "
                + baseUrl() + " (namespace " + ns + ")");
        assertThat(modelFacets(ns)).containsExactlyInAnyOrder(
                "data/processed/X.pckl", "data/processed/X_train.pckl", "data/processed/X_test.pckl",
                "data/processed/y.pckl", "data/processed/y_train.pckl", "data/processed/y_test.pckl", "outputs/model");
    }

    @Test
    void postCommitHookSendsTheCommittedLockWithGitFacets() throws Exception {
        Path work = Files.createTempDirectory("dvc-hook-git-");
        Path project = Files.createDirectories(work.resolve("project-1"));
        copyFixture("monorepo-dvc-repro-project-1", project);
        git(work, "init", "-q", "-b", "main");
        git(work, "config", "user.email", "it@provenant.dev");
        git(work, "config", "user.name", "it");
        git(work, "remote", "add", "origin", "https://ci:s3cret-token@git.example/provenant-it/monorepo.git");
        Path hook = work.resolve(".git/hooks/post-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho existing > \"" + work.resolve("existing-hook-ran") + "\"\nexit 0\n");

        for (int i = 0; i < 2; i++) {
            Result installed = run("install-hook", "--repo", project.toString(), "--url", baseUrl(), "--command",
                    launcher().toString());
            assertThat(installed.code()).as(installed.err()).isEqualTo(0);
        }
        List<String> lines = Files.readAllLines(hook);
        assertThat(lines.get(0)).isEqualTo("#!/bin/sh");
        assertThat(lines.get(1)).isEqualTo("# >>> provenant-dvc " + project + " >>>");
        assertThat(lines.stream().filter(l -> l.startsWith("# >>> provenant-dvc")).count()).isEqualTo(1);
        assertThat(lines.subList(lines.size() - 2, lines.size()))
                .containsExactly("echo existing > \"" + work.resolve("existing-hook-ran") + "\"", "exit 0");
        assertThat(String.join("\n", lines)).doesNotContain(TestResources.ADMIN_TOKEN);
        assertThat(run("install-hook", "--repo", project.toString(), "--url", baseUrl(), "--api-key", "x").code())
                .isEqualTo(2);

        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "pipeline");
        String commit = git(work, "rev-parse", "HEAD").strip();
        assertThat(Files.readString(work.resolve("existing-hook-ran")).strip()).isEqualTo("existing");

        String ns = "dvc://git.example/provenant-it/monorepo/project-1";
        JsonNode location = JSON.readTree(strings("MATCH (j:Job {namespace: $ns, name: 'generate_table'})"
                + " RETURN j.`facet.sourceCodeLocation`", ns).get(0));
        assertThat(location.get("type").asText()).isEqualTo("git");
        assertThat(location.get("url").asText()).isEqualTo("https://git.example/provenant-it/monorepo");
        assertThat(location.get("repoUrl").asText()).isEqualTo("https://git.example/provenant-it/monorepo.git");
        assertThat(location.get("path").asText()).isEqualTo("project-1/dvc.yaml");
        assertThat(location.get("version").asText()).isEqualTo(commit);
        String run = strings("MATCH (:Job {namespace: $ns, name: 'generate_table'})<-[:OF]-(r:Run) RETURN r.runId", ns).get(0);
        JsonNode view = JSON.readTree(api().get("/api/v1/runs?runId=" + run).body());
        assertThat(view.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(view.get("startedAt").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(strings("MATCH (d:Dataset {namespace: $ns})-[:INPUT_TO]->(:Job {name: 'generate_table'})"
                + " RETURN d.name", ns)).containsExactly("script.py");
    }

    record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DvcMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path launcher() {
        return Path.of("bin", "provenant-dvc").toAbsolutePath();
    }

    private String baseUrl() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    private Api api() {
        return new Api(baseUrl(), TestResources.ADMIN_TOKEN);
    }

    private List<String> strings(String cypher, String ns) {
        return new Graph(driver).query(cypher, Map.of("ns", ns)).stream().map(r -> r.get(0).asString()).toList();
    }

    /**
     * The datasets the hook sent as models ({@code datasetType} MODEL). The server may label more
     * datasets {@code :Model} by its own name rules; the tests assert what the hook decided.
     */
    private List<String> modelFacets(String ns) {
        return strings("MATCH (d:Dataset {namespace: $ns}) WHERE d.`facet.datasetType` CONTAINS '\"datasetType\":\"MODEL\"'"
                + " RETURN d.name", ns);
    }

    /** Datasets, jobs, runs, versions and stored events of a namespace. */
    private List<Long> counts(String ns) {
        Graph graph = new Graph(driver);
        Map<String, Object> p = Map.of("ns", ns);
        return List.of(graph.count("MATCH (d:Dataset {namespace: $ns}) RETURN count(d)", p),
                graph.count("MATCH (j:Job {namespace: $ns}) RETURN count(j)", p),
                graph.count("MATCH (r:Run {jobNamespace: $ns}) RETURN count(r)", p),
                graph.count("MATCH (v:DatasetVersion {namespace: $ns}) RETURN count(v)", p),
                graph.count("MATCH (e:Event {jobNamespace: $ns}) RETURN count(e)", p));
    }

    private static Path copy(String pipeline) {
        try {
            Path target = Files.createTempDirectory("dvc-hook-it-").resolve(pipeline);
            copyFixture(pipeline, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's files, with dvc.lock dated {@link #LOCK_TIME} so that event times are known. */
    private static void copyFixture(String pipeline, Path target) {
        Path source = Conformance.dir().resolve("dvc").resolve(pipeline);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.setLastModifiedTime(target.resolve("dvc.lock"), FileTime.from(LOCK_TIME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_DATE", "2024-05-06T07:08:09Z");
        builder.environment().put("GIT_COMMITTER_DATE", "2024-05-06T07:08:09Z");
        builder.environment().put("PROVENANT_API_KEY", TestResources.ADMIN_TOKEN);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", args) + ": " + output).isEqualTo(0);
        return output;
    }
}
