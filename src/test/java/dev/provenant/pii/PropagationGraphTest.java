package dev.provenant.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.pii.PiiRefs.Declaration;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Propagation over small in-memory graphs: each state, combination, evidence choice, cycles, barriers. */
class PropagationGraphTest {

    private static final JobRef JOB = new JobRef("j", "job");

    private static FieldRef f(String dataset, String field) {
        return new FieldRef("ns", dataset, field);
    }

    private static String hops(Verdict verdict) {
        return String.join(" | ", verdict.evidence().stream().map(PropagationGraphTest::hop).toList());
    }

    private static String hop(Hop h) {
        return h.from().name() + "." + h.from().field() + ">" + h.to().name() + "." + h.to().field() + " " + h.job().name()
                + " " + h.type() + "/" + h.subtype() + (h.masking() ? "/masking" : "");
    }

    private static void declare(PropagationGraph g, FieldRef field, String... categories) {
        g.declare(new Declaration(field, List.of(categories), "STEWARD"));
    }

    @Test
    void directKeepsRawMaskingPseudonymisesOrAggregatesIndirectStaysIndirect() {
        PropagationGraph g = new PropagationGraph(List.of());
        declare(g, f("users", "email"), "EMAIL");
        g.feeds(f("users", "email"), f("copy", "email"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("users", "email"), f("hashed", "email_hash"), JOB, "DIRECT", "TRANSFORMATION", true);
        g.feeds(f("users", "email"), f("stats", "users"), JOB, "DIRECT", "AGGREGATION", true);
        g.feeds(f("users", "email"), f("joined", "order_total"), JOB, "INDIRECT", "JOIN", false);
        g.feeds(f("hashed", "email_hash"), f("hashed2", "h"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("hashed", "email_hash"), f("agg", "n"), JOB, "DIRECT", "AGGREGATION", true);
        g.node(f("users", "country"));
        Map<FieldRef, Verdict> v = g.propagate();

        assertThat(v.get(f("users", "email"))).isEqualTo(new Verdict(PiiState.RAW, List.of("EMAIL"), List.of(), "STEWARD"));
        assertThat(v.get(f("copy", "email")).state()).isEqualTo(PiiState.RAW);
        assertThat(hops(v.get(f("copy", "email")))).isEqualTo("users.email>copy.email job DIRECT/IDENTITY");
        assertThat(v.get(f("hashed", "email_hash")).state()).isEqualTo(PiiState.PSEUDONYMISED);
        assertThat(v.get(f("hashed2", "h")).state()).as("a copy of a hash is still a hash").isEqualTo(PiiState.PSEUDONYMISED);
        assertThat(hops(v.get(f("hashed2", "h")))).isEqualTo(
                "users.email>hashed.email_hash job DIRECT/TRANSFORMATION/masking | hashed.email_hash>hashed2.h job DIRECT/IDENTITY");
        assertThat(v.get(f("stats", "users")).state()).isEqualTo(PiiState.AGGREGATED);
        assertThat(v.get(f("agg", "n")).state()).isEqualTo(PiiState.AGGREGATED);
        assertThat(v.get(f("joined", "order_total")).state()).isEqualTo(PiiState.INDIRECT);
        assertThat(v.get(f("joined", "order_total")).categories()).containsExactly("EMAIL");
        assertThat(v.get(f("users", "country"))).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void theWorstStateWinsWithItsShortestPathEvenWhenAMilderPathIsShorter() {
        PropagationGraph g = new PropagationGraph(List.of());
        declare(g, f("a", "ssn"), "NATIONAL_ID");
        g.feeds(f("a", "ssn"), f("t", "x"), JOB, "DIRECT", "TRANSFORMATION", true);
        g.feeds(f("a", "ssn"), f("b", "ssn"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("b", "ssn"), f("c", "ssn"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("c", "ssn"), f("t", "x"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("a", "ssn"), f("d", "ssn"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("d", "ssn"), f("t", "x"), JOB, "DIRECT", "IDENTITY", false);
        Verdict t = g.propagate().get(f("t", "x"));
        assertThat(t.state()).isEqualTo(PiiState.RAW);
        assertThat(hops(t)).as("RAW beats the one-hop PSEUDONYMISED path; the two-hop RAW path beats the three-hop one")
                .isEqualTo("a.ssn>d.ssn job DIRECT/IDENTITY | d.ssn>t.x job DIRECT/IDENTITY");
    }

    @Test
    void categoriesOfEveryReachingDeclarationTravel() {
        PropagationGraph g = new PropagationGraph(List.of());
        declare(g, f("p", "email"), "EMAIL");
        declare(g, f("p", "dob"), "DATE_OF_BIRTH");
        g.feeds(f("p", "email"), f("m", "features"), JOB, "DIRECT", "TRANSFORMATION", true);
        g.feeds(f("p", "dob"), f("m", "features"), JOB, "INDIRECT", "FILTER", false);
        Verdict m = g.propagate().get(f("m", "features"));
        assertThat(m.state()).isEqualTo(PiiState.PSEUDONYMISED);
        assertThat(m.categories()).containsExactly("DATE_OF_BIRTH", "EMAIL");
    }

    @Test
    void cyclesTerminateAndKeepTheShortestPath() {
        PropagationGraph g = new PropagationGraph(List.of());
        declare(g, f("a", "email"), "EMAIL");
        g.feeds(f("a", "email"), f("b", "email"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("b", "email"), f("c", "email"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("c", "email"), f("b", "email"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("c", "email"), f("a", "email"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("b", "email"), f("b", "email"), JOB, "DIRECT", "IDENTITY", false);
        Map<FieldRef, Verdict> v = g.propagate();
        assertThat(v.get(f("a", "email")).evidence()).as("a declaration is its own evidence").isEmpty();
        assertThat(hops(v.get(f("c", "email")))).isEqualTo(
                "a.email>b.email job DIRECT/IDENTITY | b.email>c.email job DIRECT/IDENTITY");
    }

    @Test
    void aJobWithoutColumnLineageMakesItsOutputPossible() {
        PropagationGraph g = new PropagationGraph(List.of());
        declare(g, f("users", "email"), "EMAIL");
        g.datasetLineage(FieldRef.dataset("ns", "users"), List.of(f("users", "country"), f("users", "email")),
                new JobRef("j", "blackbox"), FieldRef.dataset("ns", "out"), List.of(f("out", "a"), f("out", "b")));
        g.datasetLineage(FieldRef.dataset("ns", "out"), List.of(f("out", "a"), f("out", "b")),
                new JobRef("j", "next"), FieldRef.dataset("ns", "fieldless"), List.of());
        Map<FieldRef, Verdict> v = g.propagate();
        assertThat(v.get(f("out", "a")).state()).isEqualTo(PiiState.POSSIBLE);
        assertThat(hops(v.get(f("out", "a")))).isEqualTo("users.email>out.a blackbox DATASET/null");
        assertThat(v.get(FieldRef.dataset("ns", "out")).state()).isEqualTo(PiiState.POSSIBLE);
        assertThat(hops(v.get(FieldRef.dataset("ns", "fieldless")))).isEqualTo(
                "users.email>out.null blackbox DATASET/null | out.null>fieldless.null next DATASET/null");
        assertThat(v.get(FieldRef.dataset("ns", "fieldless")).categories()).containsExactly("EMAIL");
        assertThat(v.get(f("users", "country"))).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void barriersAndNotPersonalOverridesStopPropagation() {
        JobRef anonymiser = new JobRef("j", "anonymiser");
        PropagationGraph g = new PropagationGraph(List.of(anonymiser));
        declare(g, f("a", "email"), "EMAIL");
        g.feeds(f("a", "email"), f("anon", "token"), anonymiser, "DIRECT", "TRANSFORMATION", false);
        g.feeds(f("anon", "token"), f("after", "token"), JOB, "DIRECT", "IDENTITY", false);
        g.feeds(f("a", "email"), f("dom", "email_domain"), JOB, "DIRECT", "TRANSFORMATION", false);
        g.feeds(f("dom", "email_domain"), f("after", "domain"), JOB, "DIRECT", "IDENTITY", false);
        g.notPersonal(f("dom", "email_domain"));
        declare(g, f("dom", "email_domain"), "EMAIL");
        Map<FieldRef, Verdict> v = g.propagate();
        assertThat(v.get(f("anon", "token"))).isEqualTo(Verdict.CLEAR);
        assertThat(v.get(f("after", "token"))).isEqualTo(Verdict.CLEAR);
        assertThat(v.get(f("dom", "email_domain"))).as("the override beats a declaration too").isEqualTo(Verdict.CLEAR);
        assertThat(v.get(f("after", "domain"))).isEqualTo(Verdict.CLEAR);
        assertThat(g.hasDirectInput(f("anon", "token"))).as("barred lineage is still lineage for name rules").isTrue();
    }

    @Test
    void evidenceTiesBreakTheSameWayWhateverTheInsertionOrder() {
        for (boolean reversed : new boolean[] {false, true}) {
            PropagationGraph g = new PropagationGraph(List.of());
            declare(g, f("a", "email"), "EMAIL");
            declare(g, f("b", "email"), "EMAIL");
            List<FieldRef> sources = reversed ? List.of(f("b", "email"), f("a", "email")) : List.of(f("a", "email"), f("b", "email"));
            for (FieldRef source : sources) {
                g.feeds(source, f("t", "email"), JOB, "DIRECT", "IDENTITY", false);
            }
            assertThat(hops(g.propagate().get(f("t", "email")))).isEqualTo("a.email>t.email job DIRECT/IDENTITY");
        }
    }
}
