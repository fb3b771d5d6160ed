package dev.provenant.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provenant.config.ProvenantConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default model/feature rules, as the configuration splits them, and their failure modes. */
class MlRulesTest {

    private static final MlRules DEFAULTS = new MlRules(List.of(ProvenantConfig.Ml.DEFAULT_MODEL_PATTERNS.split(",")),
            List.of(ProvenantConfig.Ml.DEFAULT_FEATURE_PATTERNS.split(",")));

    @Test
    void modelFilesAndModelDirectoriesAreModels() {
        assertThat(DEFAULTS.isModel("s3://bucket", "churn/model.PKL")).isTrue();
        assertThat(DEFAULTS.isModel("file", "/repo/out/net.onnx")).isTrue();
        assertThat(DEFAULTS.isModel("gs://ml", "weights.pt")).isTrue();
        assertThat(DEFAULTS.isModel("file", "/repo/keras/clf.h5")).isTrue();
        assertThat(DEFAULTS.isModel("s3://lake", "models/churn")).isTrue();
        assertThat(DEFAULTS.isModel("s3://models", "churn")).isTrue();
        assertThat(DEFAULTS.isModel("s3://lake", "team/model/v1")).isTrue();
    }

    @Test
    void namesThatOnlyLookAlikeAreNotModels() {
        assertThat(DEFAULTS.isModel("s3://lake", "modeling/results.csv")).isFalse();
        assertThat(DEFAULTS.isModel("postgres://db:5432", "analytics.models.churn")).isFalse();
        assertThat(DEFAULTS.isModel("s3://lake", "pickles.csv")).isFalse();
        assertThat(DEFAULTS.isModel("s3://lake", "models")).isFalse();
        assertThat(DEFAULTS.isModel("s3://lake", "data.pt.csv")).isFalse();
    }

    @Test
    void featureStoresAndFeatureDirectoriesAreFeatures() {
        assertThat(DEFAULTS.isFeature("postgres://db:5432", "feature_store.public.users")).isTrue();
        assertThat(DEFAULTS.isFeature("s3://lake", "features/daily")).isTrue();
        assertThat(DEFAULTS.isFeature("bigquery", "proj.features.user_daily")).isTrue();
        assertThat(DEFAULTS.isFeature("s3://lake", "features_v1.csv")).isFalse();
        assertThat(DEFAULTS.isFeature("s3://lake", "user_features")).isFalse();
    }

    @Test
    void emptyRulesMatchNothingAndChangeTheFingerprint() {
        MlRules none = new MlRules(List.of(""), List.of());
        assertThat(none.isModel("s3://lake", "models/churn")).isFalse();
        assertThat(none.modelPatterns()).isEmpty();
        assertThat(none.fingerprint()).isNotEqualTo(DEFAULTS.fingerprint());
        assertThat(new MlRules(DEFAULTS.modelPatterns(), DEFAULTS.featurePatterns()).fingerprint())
                .isEqualTo(DEFAULTS.fingerprint());
    }

    @Test
    void anInvalidRuleNamesTheSetting() {
        assertThatThrownBy(() -> new MlRules(List.of("(unclosed"), List.of()))
                .hasMessageContaining("provenant.ml.model-patterns").hasMessageContaining("(unclosed");
    }
}
