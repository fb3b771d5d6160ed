package dev.provenant.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.provenant.ingest.EventParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** Facets are stored one property each as raw JSON ({@code facet.<name>}); they come back as JSON objects. */
@ApplicationScoped
class FacetReader {

    private final ObjectMapper json;

    FacetReader(ObjectMapper json) {
        this.json = json;
    }

    /** @param properties a node's properties (repositories pass {@code node.asMap()}) */
    Map<String, JsonNode> facets(Map<String, Object> properties) {
        Map<String, JsonNode> facets = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(EventParser.FACET_PREFIX) && value instanceof String raw) {
                facets.put(key.substring(EventParser.FACET_PREFIX.length()), parse(raw));
            }
        });
        return facets;
    }

    /** A malformed facet was kept as sent; it comes back as a string rather than failing the read. */
    private JsonNode parse(String raw) {
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }
}
