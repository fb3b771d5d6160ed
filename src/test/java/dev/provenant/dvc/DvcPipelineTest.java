package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How dvc.yaml and dvc.lock combine: expansion, stale entries, order, params and metrics. */
class DvcPipelineTest {

    @TempDir
    Path tmp;

    private static DvcPipeline pipeline(String name) {
        return DvcPipeline.load(Conformance.dir().resolve("dvc").resolve(name));
    }

    private static List<String> names(DvcPipeline p) {
        return p.stages().stream().map(DvcPipeline.Stage::name).toList();
    }

    @Test
    void foreachOverAParamsListExpandsAndStaleLockEntriesAreSkipped() {
        DvcPipeline p = pipeline("pipeline-configuration-multi-validation-datasets");
        assertThat(names(p)).containsExactly("train", "data_load", "evaluate@micro", "evaluate@customer-1",
                "evaluate@customer-2", "collect_metrics", "check_metrics");
        assertThat(p.staleLockEntries()).containsExactly("basic", "data_load_with_preset");
        DvcPipeline.Stage micro = p.stages().get(2);
        assertThat(micro.metrics()).containsOnlyKeys("reports/metrics/metrics_micro.json");
        DvcPipeline.Stage collect = p.stages().get(5);
        assertThat(collect.upstream()).containsExactly("evaluate@micro", "evaluate@customer-1", "evaluate@customer-2");
        assertThat(collect.metrics()).containsOnlyKeys("reports/metrics.json");
        assertThat(p.stages().get(6).upstream()).containsExactly("collect_metrics");
    }

    @Test
    void foreachOverMapsUsesIndexesAndTemplatedStagesOfOtherNamesAreStale() {
        DvcPipeline p = pipeline("vision-rd-bbox-tube-temporal");
        assertThat(names(p)).contains("evaluate_packaged@0", "evaluate_packaged@3", "package@vit_dinov2_finetune",
                "analyze_variant@gru_convnext_finetune");
        assertThat(p.staleLockEntries()).containsExactly("train_gru_seed43", "train_gru_seed44",
                "evaluate_gru_seed43@train", "evaluate_gru_seed43@val", "evaluate_gru_seed44@train",
                "evaluate_gru_seed44@val", "plot_training@gru", "plot_training@gru_seed43", "plot_training@gru_seed44",
                "plot_training@gru_convnext", "plot_training@gru_finetune", "plot_training@gru_convnext_finetune",
                "package");
        assertThat(p.stages()).hasSize(45);
        DvcPipeline.Stage packaged = p.stages().stream().filter(s -> s.name().equals("evaluate_packaged@1"))
                .findFirst().orElseThrow();
        assertThat(packaged.metrics()).containsOnlyKeys("data/08_reporting/val/packaged/vit_dinov2_finetune/metrics.json");
        assertThat(packaged.upstream()).contains("package@vit_dinov2_finetune");
        for (int i = 0; i < p.stages().size(); i++) {
            List<String> before = names(p).subList(0, i);
            assertThat(before).as("upstream of " + p.stages().get(i).name()).containsAll(p.stages().get(i).upstream());
        }
    }

    @Test
    void artifactsOfTypeModelAndTopLevelMetricsInsideOuts() {
        DvcPipeline p = pipeline("example-get-started");
        assertThat(p.modelArtifacts()).containsExactly(java.util.Map.entry("model.pkl", "text-classification"));
        assertThat(p.stages().get(3).metrics()).containsOnlyKeys("eval/metrics.json");
        assertThat(p.stages().get(3).upstream()).containsExactly("featurize", "train");
    }

    @Test
    void matrixExpandsToTheCartesianProductAndParamsFallBackToTheParamsFiles() throws IOException {
        Files.writeString(tmp.resolve("params.yaml"), "lr: 0.1\nmodels: [cnn, rnn]\n");
        Files.writeString(tmp.resolve("dvc.yaml"), """
                stages:
                  train:
                    matrix:
                      model: ${models}
                      seed: [1, 2]
                    cmd: python train.py ${item.model} ${item.seed}
                    params: [lr]
                    metrics:
                    - out/${item.model}-${item.seed}.json:
                        cache: false
                """);
        Files.writeString(tmp.resolve("dvc.lock"), """
                schema: '2.0'
                stages:
                  train@rnn-2:
                    cmd: python train.py rnn 2
                    outs:
                    - path: out/rnn-2.json
                      md5: aa
                  train@gru-1:
                    cmd: python train.py gru 1
                """);
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/rnn-2.json"), "{\"acc\": 0.9}");
        DvcPipeline p = DvcPipeline.load(tmp);
        assertThat(names(p)).containsExactly("train@rnn-2");
        assertThat(p.staleLockEntries()).containsExactly("train@gru-1");
        DvcPipeline.Stage stage = p.stages().get(0);
        assertThat(stage.params().get("params.yaml").toString()).isEqualTo("{\"lr\":0.1}");
        assertThat(stage.metrics().get("out/rnn-2.json").toString()).isEqualTo("{\"acc\":0.9}");
    }

    @Test
    void withoutDvcYamlEveryLockEntryIsAStage() throws IOException {
        Files.copy(Conformance.dir().resolve("dvc/monorepo-dvc-repro-project-1/dvc.lock"), tmp.resolve("dvc.lock"));
        assertThat(names(DvcPipeline.load(tmp))).containsExactly("generate_table", "log_dvclive");
    }
}
