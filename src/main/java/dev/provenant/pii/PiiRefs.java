package dev.provenant.pii;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The small value types of PII propagation: what a verdict is about, and the hops that justify it. */
public final class PiiRefs {

    private PiiRefs() {}

    /** A field of a dataset; {@code field} is null when the reference is the dataset as a whole. */
    public record FieldRef(String namespace, String name, String field) {

        static final Comparator<FieldRef> ORDER = Comparator.comparing(FieldRef::namespace)
                .thenComparing(FieldRef::name)
                .thenComparing(FieldRef::field, Comparator.nullsFirst(Comparator.naturalOrder()));

        static FieldRef dataset(String namespace, String name) {
            return new FieldRef(namespace, name, null);
        }

        FieldRef datasetRef() {
            return field == null ? this : new FieldRef(namespace, name, null);
        }

        DatasetRef dataset() {
            return new DatasetRef(namespace, name);
        }
    }

    public record DatasetRef(String namespace, String name) {

        Map<String, Object> parameters() {
            return Map.of("namespace", namespace, "name", name);
        }
    }

    public record JobRef(String namespace, String name) {

        Map<String, Object> parameters() {
            return Map.of("namespace", namespace, "name", name);
        }
    }

    /**
     * Which lineage edges propagate: the current ones (what the stored verdicts are computed over), or, when
     * asked for history, every edge ever reported ({@code includeStale}) or the edges that existed at
     * {@code asOf}: the lineage API's selection. Verdicts over history are computed when asked, never stored.
     */
    public record Edges(boolean includeStale, OffsetDateTime asOf) {

        public static final Edges CURRENT = new Edges(false, null);

        boolean current() {
            return !includeStale && asOf == null;
        }

        /** {@code keys} with this selection, as the region and reach queries take them. */
        Map<String, Object> parameters(List<Map<String, Object>> keys) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("keys", keys);
            parameters.put("includeStale", includeStale);
            parameters.put("asOf", asOf);
            return parameters;
        }
    }

    /** A job's reading of a dataset, as an input edge that started or stopped being current. */
    public record Read(DatasetRef input, JobRef job) {

        Map<String, Object> parameters() {
            return Map.of("namespace", input.namespace(), "name", input.name(), "jobNamespace", job.namespace(),
                    "jobName", job.name());
        }
    }

    /**
     * One step of an evidence path. {@code type} is DIRECT or INDIRECT for column lineage, or DATASET
     * when the job reported no column lineage for its output and only dataset lineage links them.
     */
    public record Hop(FieldRef from, FieldRef to, JobRef job, String type, String subtype, boolean masking) {}

    /**
     * The shortest path to a field at a state less severe than its own, stored where it differs from the
     * path at the next more severe state: what an incremental update needs to continue a path exactly.
     */
    public record Trail(PiiState state, List<Hop> evidence) {}

    /** A field declared personal, by whom: STEWARD, TAG or NAME_RULE. */
    public record Declaration(FieldRef field, List<String> categories, String source) {}

    /** The outcome for one field (or dataset node): state, categories that reach it, and the evidence path. */
    public record Verdict(PiiState state, List<String> categories, List<Hop> evidence, String source) {

        static final Verdict CLEAR = new Verdict(PiiState.CLEAR, List.of(), List.of(), null);
    }
}
