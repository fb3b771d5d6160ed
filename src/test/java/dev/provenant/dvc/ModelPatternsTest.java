package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPatternsTest {

    @Test
    void defaultsMatchModelFilesAndModelDirectories() {
        ModelPatterns defaults = new ModelPatterns(ModelPatterns.DEFAULTS);
        assertThat(defaults.matches("model.pkl")).isTrue();
        assertThat(defaults.matches("data/06_models/gru/best_checkpoint.pt")).isTrue();
        assertThat(defaults.matches("models/model.pth")).isTrue();
        assertThat(defaults.matches("outputs/model")).isTrue();
        assertThat(defaults.matches("data/01_raw/models/detector.zip")).isTrue();
        assertThat(defaults.matches("data/processed/X_train.pckl")).isFalse();
        assertThat(defaults.matches("data/06_models")).isFalse();
        assertThat(defaults.matches("eval/metrics.json")).isFalse();
    }

    @Test
    void configuredPatternsReplaceTheDefaults() {
        ModelPatterns custom = new ModelPatterns(List.of("data/06_models/**", "*.zip"));
        assertThat(custom.matches("data/06_models/gru/model.zip")).isTrue();
        assertThat(custom.matches("release.zip")).isTrue();
        assertThat(custom.matches("model.pkl")).isFalse();
        assertThat(new ModelPatterns(List.of()).matches("model.pkl")).isFalse();
    }
}
