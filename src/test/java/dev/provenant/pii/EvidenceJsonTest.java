package dev.provenant.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored evidence is compared as a string, so the hop-by-hop writer must match the whole-path one to the byte. */
class EvidenceJsonTest {

    private static final FieldRef EMAIL = new FieldRef("postgres://db:5432", "public.\"users\"", "e-mail ✉");
    private static final FieldRef HASHED = new FieldRef("s3://lake", "users_hashed", "email_hash");
    private static final FieldRef REPORT = FieldRef.dataset("bigquery", "reports.daily");

    @Test
    void writesEachPathAsTheWholePathSerialiserDoes() {
        Hop masking = new Hop(EMAIL, HASHED, new JobRef("spark", "hash\\users"), "DIRECT", "TRANSFORMATION", true);
        Hop datasetOnly = new Hop(HASHED, REPORT,
                new JobRef("airflow", "daily"), "DATASET", null, false);
        RegionVerdicts.EvidenceJson json = new RegionVerdicts.EvidenceJson();
        List<List<Hop>> paths = List.of(List.of(), List.of(masking), List.of(masking, datasetOnly),
                new ArrayList<>(List.of(masking, datasetOnly)));

        for (List<Hop> path : paths) {
            Verdict verdict = new Verdict(PiiState.PSEUDONYMISED, List.of("EMAIL"), path, null);
            assertThat(json.of(path)).isEqualTo(PiiPropagator.evidenceJson(verdict));
        }
    }
}
