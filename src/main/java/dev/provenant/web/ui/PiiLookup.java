package dev.provenant.web.ui;

import java.util.List;
import java.util.Optional;

/**
 * What the web UI needs from PII propagation (../shared/DESIGN.md section 5). Until the pii feature is on
 * this branch, {@link NoPiiLookup} answers "not available" and the PII page, the PII view of the lineage
 * graph, the badges and the home page's exposure list say so. The shapes mirror
 * {@code GET /api/v1/pii/dataset}.
 */
public interface PiiLookup {

    /** Severity order, most severe first; CLEAR (or null) is the absence of personal data. */
    List<String> STATES = List.of("RAW", "PSEUDONYMISED", "AGGREGATED", "INDIRECT", "POSSIBLE", "CLEAR");

    boolean available();

    Optional<DatasetPii> dataset(String namespace, String name);

    /** Datasets holding personal data, worst first. */
    List<DatasetPii> mostExposed(int limit);

    /** Fields and datasets per PII category. */
    List<CategoryCount> overview();

    /** Every downstream copy of a declared source (field optional). */
    List<Impact> erasureImpact(String namespace, String name, String field);

    record Ref(String namespace, String name, String field) {}

    record JobRef(String namespace, String name) {}

    record Hop(Ref from, Ref to, JobRef job, String type, String subtype, Boolean masking) {}

    record FieldPii(String name, String state, boolean declared, List<String> categories, List<Hop> evidence) {}

    record DatasetPii(String namespace, String name, String state, List<String> categories, List<FieldPii> fields) {}

    record CategoryCount(String category, long fields, long datasets, List<Ref> examples) {}

    record Impact(String namespace, String name, String field, String state) {}

    static int severity(String state) {
        int i = STATES.indexOf(state == null ? "CLEAR" : state);
        return i < 0 ? STATES.size() : i;
    }
}
