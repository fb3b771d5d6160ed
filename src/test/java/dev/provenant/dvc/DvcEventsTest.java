package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Conformance;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DvcEventsTest {

    private static final DvcEvents.Settings SETTINGS = new DvcEvents.Settings("dvc-test",
            new ModelPatterns(ModelPatterns.DEFAULTS));

    @TempDir
    Path tmp;

    private Path copy(String pipeline) throws Exception {
        Path source = Conformance.dir().resolve("dvc").resolve(pipeline);
        for (String file : List.of("dvc.yaml", "dvc.lock", "params.yaml")) {
            Files.copy(source.resolve(file), tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(tmp.resolve("dvc.lock"), FileTime.from(Instant.parse("2024-03-04T05:06:07.890Z")));
        return tmp;
    }

    private static List<String> json(List<OpenLineage.RunEvent> events) {
        return events.stream().map(OpenLineageClientUtils::toJson).toList();
    }

    @Test
    void sameStateGivesIdenticalEventsAndAChangedStageANewRun() throws Exception {
        Path dir = copy("example-get-started");
        List<OpenLineage.RunEvent> first = DvcEvents.events(DvcPipeline.load(dir), Optional.empty(), SETTINGS);
        assertThat(json(DvcEvents.events(DvcPipeline.load(dir), Optional.empty(), SETTINGS))).isEqualTo(json(first));
        assertThat(first).hasSize(10);
        assertThat(first.get(0).getEventTime().toString()).isEqualTo("2024-03-04T05:06:07Z");

        Files.writeString(dir.resolve("dvc.lock"), Files.readString(dir.resolve("dvc.lock"))
                .replace("d1f6e055f7f5e2827fcfae68d9b64d4c", "00000000000000000000000000000000"));
        List<OpenLineage.RunEvent> second = DvcEvents.events(DvcPipeline.load(dir), Optional.empty(), SETTINGS);
        // prepare and featurize are unchanged; train wrote a new model.pkl and evaluate read it
        for (int stage : List.of(1, 3)) {
            assertThat(second.get(stage).getRun().getRunId()).isEqualTo(first.get(stage).getRun().getRunId());
        }
        for (int stage : List.of(5, 7)) {
            assertThat(second.get(stage).getRun().getRunId()).isNotEqualTo(first.get(stage).getRun().getRunId());
        }
        assertThat(second.get(0).getRun().getRunId()).isNotEqualTo(first.get(0).getRun().getRunId());
    }

    @Test
    void urlsAndAbsolutePathsGetTheirOwnNamespaces() {
        assertThat(DvcEvents.datasetId("ns", "s3://bucket/raw/data.csv"))
                .isEqualTo(new DvcEvents.DatasetId("s3://bucket", "raw/data.csv"));
        assertThat(DvcEvents.datasetId("ns", "/mnt/shared/x.parquet"))
                .isEqualTo(new DvcEvents.DatasetId("file", "/mnt/shared/x.parquet"));
        assertThat(DvcEvents.datasetId("ns", "./data/prepared/")).isEqualTo(new DvcEvents.DatasetId("ns", "data/prepared"));
    }
}
