package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The custom facets of the DVC hook. Each carries {@code _producer} and its own {@code _schemaURL}
 * (the section of docs/integrations.md that describes it), as the OpenLineage spec asks of custom facets.
 */
final class DvcFacets {

    static final String DOCS = "https://github.com/provenant/provenant/blob/main/docs/integrations.md";

    private DvcFacets() {}

    /** Run facet {@code dvcParams}: the params the stage ran with, per params file, as recorded in dvc.lock. */
    static final class Params extends OpenLineage.DefaultRunFacet {
        private final Map<String, JsonNode> params;

        Params(URI producer, Map<String, JsonNode> params) {
            super(producer);
            this.params = params;
        }

        @Override
        public URI get_schemaURL() {
            return URI.create(DOCS + "#dvcparams");
        }

        public Map<String, JsonNode> getParams() {
            return params;
        }
    }

    /** Run facet {@code dvcStage}: the stage's name in dvc.lock, its foreach/matrix key and the stages upstream of it. */
    static final class Stage extends OpenLineage.DefaultRunFacet {
        private final String stage;
        private final String key;
        private final List<String> upstreamStages;
        private final String lockFormat;

        Stage(URI producer, String stage, String key, List<String> upstreamStages, String lockFormat) {
            super(producer);
            this.stage = stage;
            this.key = key;
            this.upstreamStages = upstreamStages;
            this.lockFormat = lockFormat;
        }

        @Override
        public URI get_schemaURL() {
            return URI.create(DOCS + "#dvcstage");
        }

        public String getStage() {
            return stage;
        }

        public String getKey() {
            return key;
        }

        public List<String> getUpstreamStages() {
            return upstreamStages;
        }

        public String getLockFormat() {
            return lockFormat;
        }
    }

    /** Output dataset facet {@code dvcMetrics}: metrics files written in this out, with their values when readable. */
    static final class Metrics extends OpenLineage.DefaultOutputDatasetFacet {
        private final Map<String, JsonNode> files;

        Metrics(URI producer, Map<String, JsonNode> files) {
            super(producer);
            this.files = files;
        }

        @Override
        public URI get_schemaURL() {
            return URI.create(DOCS + "#dvcmetrics");
        }

        public Map<String, JsonNode> getFiles() {
            return files;
        }
    }
}
