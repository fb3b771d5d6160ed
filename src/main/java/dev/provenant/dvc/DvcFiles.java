package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the YAML and JSON files of a DVC project. */
final class DvcFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** Metrics files bigger than this are named but their values are not sent. */
    static final long MAX_METRICS_BYTES = 1024 * 1024;

    private DvcFiles() {}

    static JsonNode readYaml(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw new DvcException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A YAML file if it exists, else a missing node. */
    static JsonNode readYamlIfPresent(Path file) {
        return Files.isRegularFile(file) ? readYaml(file) : MissingNode.getInstance();
    }

    /** The values in a JSON or YAML metrics file; empty when absent, too large or not parseable. */
    static JsonNode readMetrics(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_METRICS_BYTES) {
                return MissingNode.getInstance();
            }
            ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? JSON : YAML;
            JsonNode node = mapper.readTree(file.toFile());
            return node == null || !node.isContainerNode() ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
