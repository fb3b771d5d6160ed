package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.support.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dvc.lock in every format DVC has written, read from the real locks of the conformance corpus. */
class DvcLockTest {

    private static DvcLock lock(String pipeline) {
        return DvcLock.parse(DvcFiles.readYaml(Conformance.dir().resolve("dvc").resolve(pipeline).resolve("dvc.lock")));
    }

    private static DvcLock inline(String yaml) throws Exception {
        return DvcLock.parse(DvcFiles.YAML.readTree(yaml));
    }

    @Test
    void dvc1FlatLockHasStagesAtTheTopLevel() {
        DvcLock lock = lock("example-get-started-lockv1-2020");
        assertThat(lock.format()).isEqualTo(DvcLock.Format.V1_FLAT);
        assertThat(lock.stages()).extracting(DvcLock.LockedStage::name)
                .containsExactly("prepare", "featurize", "train", "evaluate");
        DvcLock.LockedStage prepare = lock.stages().get(0);
        assertThat(prepare.cmd()).isEqualTo("python src/prepare.py data/data.xml");
        assertThat(prepare.deps()).containsExactly(
                new DvcLock.LockedPath("data/data.xml", "a304afb96060aad90176268345e10355", "md5", 37891850L, null),
                new DvcLock.LockedPath("src/prepare.py", "285af85d794bb57e5d09ace7209f3519", "md5", 1581L, null));
        assertThat(prepare.outs()).containsExactly(new DvcLock.LockedPath("data/prepared",
                "20b786b6e6f80e2b3fcf17827ad18597.dir", "md5", 23861319L, 2L));
        assertThat(prepare.outs().get(0).isDirectory()).isTrue();
        assertThat(prepare.params().get("params.yaml").toString())
                .isEqualTo("{\"prepare.seed\":20170428,\"prepare.split\":0.2}");
    }

    @Test
    void dvc2LockHasSchema2WithoutHashNames() {
        DvcLock lock = lock("example-get-started-dvc2-2023");
        assertThat(lock.format()).isEqualTo(DvcLock.Format.V2);
        assertThat(lock.stages()).extracting(DvcLock.LockedStage::name)
                .containsExactly("prepare", "featurize", "train", "evaluate");
        DvcLock.LockedPath model = lock.stages().get(2).outs().get(0);
        assertThat(model.path()).isEqualTo("model.pkl");
        assertThat(model.hashName()).isEqualTo("md5");
        assertThat(model.hash()).hasSize(32);
        assertThat(lock.stages().get(2).raw().has("hash")).isFalse();
    }

    @Test
    void dvc3LockNamesItsHashField() {
        DvcLock lock = lock("example-get-started");
        assertThat(lock.format()).isEqualTo(DvcLock.Format.V2);
        DvcLock.LockedStage train = lock.stages().get(2);
        assertThat(train.name()).isEqualTo("train");
        assertThat(train.deps()).containsExactly(
                new DvcLock.LockedPath("data/features", "f35d4cc2c552ac959ae602162b8543f3.dir", "md5", 2232588L, 2L),
                new DvcLock.LockedPath("src/train.py", "324001573ed724e5ae092226fcf9ca30", "md5", 1666L, null));
        assertThat(train.outs()).containsExactly(
                new DvcLock.LockedPath("model.pkl", "d1f6e055f7f5e2827fcfae68d9b64d4c", "md5", 1958115L, null));
        JsonNode params = train.params().get("params.yaml");
        assertThat(params.get("train.n_est").asInt()).isEqualTo(50);
    }

    @Test
    void expandedForeachEntriesKeepTheirAtNames() {
        assertThat(lock("pipeline-configuration-multi-validation-datasets").stages())
                .extracting(DvcLock.LockedStage::name)
                .containsExactly("basic", "train", "data_load", "data_load_with_preset", "evaluate@micro",
                        "evaluate@customer-1", "evaluate@customer-2", "collect_metrics", "check_metrics");
    }

    @Test
    void paramsFromSeveralFilesAreKeptPerFile() {
        DvcLock.LockedStage train = lock("pipeline-configuration-multi-params-files").stages().get(0);
        assertThat(train.params().keySet()).containsExactly("params.yaml", "configs/params_dev.yaml");
        assertThat(train.params().get("configs/params_dev.yaml").toString()).isEqualTo("{\"train\":{\"epochs\":10}}");
    }

    @Test
    void schema3LockWithOtherHashesAndListCommands() throws Exception {
        DvcLock lock = inline("""
                schema: '3.0'
                stages:
                  fetch:
                    cmd:
                    - aws s3 cp s3://bucket/raw.csv data/raw.csv
                    - python clean.py
                    deps:
                    - path: s3://bucket/raw.csv
                      etag: '"abc"'
                      size: 10
                    outs:
                    - path: data/clean.csv
                      hash: sha256
                      sha256: 0f0f
                      md5: ignored
                """);
        assertThat(lock.format()).isEqualTo(DvcLock.Format.V3);
        DvcLock.LockedStage fetch = lock.stages().get(0);
        assertThat(fetch.cmd()).isEqualTo("aws s3 cp s3://bucket/raw.csv data/raw.csv\npython clean.py");
        assertThat(fetch.deps()).containsExactly(new DvcLock.LockedPath("s3://bucket/raw.csv", "\"abc\"", "etag", 10L, null));
        assertThat(fetch.outs()).containsExactly(new DvcLock.LockedPath("data/clean.csv", "0f0f", "sha256", null, null));
    }

    @Test
    void unknownSchemaIsRefusedAndEmptyLockHasNoStages() throws Exception {
        assertThatThrownBy(() -> inline("schema: '9.0'\nstages: {}\n")).isInstanceOf(DvcException.class)
                .hasMessageContaining("unsupported dvc.lock schema '9.0'");
        assertThat(inline("schema: '2.0'\nstages: {}\n").stages()).isEqualTo(List.of());
    }
}
