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
        // A dataset with known fields passes on through them: the path names the field that carries the data.
        assertThat(hops(v.get(FieldRef.dataset("ns", "fieldless")))).isEqualTo(
                "users.email>out.a blackbox DATASET/null | out.a>fieldless.null next DATASET/null");
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

    /**
     * An incremental update walks only the datasets downstream of a change, seeded with the stored verdicts
     * and trails of the fields just upstream. On random graphs (cycles, every kind of hop, jobs without
     * column lineage, fields declared and declared not personal), every verdict of the region, evidence
     * included, equals what the whole graph's walk gives.
     */
    @Test
    void aRegionSeededWithStoredVerdictsAgreesWithTheWholeGraph() {
        String[][] hopKinds = {{"DIRECT", "IDENTITY", "false"}, {"DIRECT", "TRANSFORMATION", "false"},
            {"DIRECT", "TRANSFORMATION", "true"}, {"DIRECT", "AGGREGATION", "true"}, {"INDIRECT", "JOIN", "false"},
            {"INDIRECT", "FILTER", "false"}};
        int trailsSeen = 0;
        for (long seed = 1; seed <= 300; seed++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            int datasets = 6 + random.nextInt(10);
            List<Object[]> feeds = new java.util.ArrayList<>();
            List<int[]> datasetHops = new java.util.ArrayList<>();
            for (int k = 0; k < datasets * 3; k++) {
                int from = random.nextInt(datasets);
                // Mostly forward (a DAG with long and short ways), sometimes backwards (cycles).
                int to = random.nextDouble() < 0.85 ? from + 1 + random.nextInt(Math.max(1, datasets - from - 1))
                        : random.nextInt(datasets);
                if (to >= datasets || to == from) {
                    continue;
                }
                if (random.nextDouble() < 0.15) {
                    datasetHops.add(new int[] {from, to});
                } else {
                    feeds.add(new Object[] {from, random.nextInt(3), to, random.nextInt(3),
                        hopKinds[random.nextInt(hopKinds.length)], "job" + random.nextInt(3)});
                }
            }
            List<FieldRef> declared = List.of(f("d0", "c0"), f("d" + random.nextInt(datasets), "c" + random.nextInt(3)));
            FieldRef overridden = f("d" + (1 + random.nextInt(datasets - 1)), "c" + random.nextInt(3));

            java.util.function.Function<java.util.Set<Integer>, PropagationGraph> build = region -> {
                PropagationGraph g = new PropagationGraph(List.of());
                for (Object[] e : feeds) {
                    if (region == null || region.contains((Integer) e[2])) {
                        String[] kind = (String[]) e[4];
                        g.feeds(f("d" + e[0], "c" + e[1]), f("d" + e[2], "c" + e[3]), new JobRef("j", (String) e[5]),
                                kind[0], kind[1], Boolean.parseBoolean(kind[2]));
                    }
                }
                for (int[] h : datasetHops) {
                    if (region == null || region.contains(h[1])) {
                        g.datasetLineage(FieldRef.dataset("ns", "d" + h[0]), fields(h[0]), new JobRef("j", "nocll"),
                                FieldRef.dataset("ns", "d" + h[1]), fields(h[1]));
                    }
                }
                for (int d = 0; d < datasets; d++) {
                    if (region == null || region.contains(d)) {
                        fields(d).forEach(g::node);
                    }
                }
                for (FieldRef ref : declared) {
                    if (region == null || region.contains(Integer.parseInt(ref.name().substring(1)))) {
                        declare(g, ref, ref.field().equals("c0") ? "EMAIL" : "NAME");
                    }
                }
                if (region == null || region.contains(Integer.parseInt(overridden.name().substring(1)))) {
                    g.notPersonal(overridden);
                }
                return g;
            };
            PropagationGraph whole = build.apply(null);
            Map<FieldRef, Verdict> all = whole.propagate();
            Map<FieldRef, List<PiiRefs.Trail>> trails = whole.trails();
            trailsSeen += trails.size();

            // The region: everything downstream of one changed dataset.
            java.util.Set<Integer> region = new java.util.TreeSet<>(List.of(random.nextInt(datasets)));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (Object[] e : feeds) {
                    grew |= region.contains((Integer) e[0]) && region.add((Integer) e[2]);
                }
                for (int[] h : datasetHops) {
                    grew |= region.contains(h[0]) && region.add(h[1]);
                }
            }
            PropagationGraph part = build.apply(region);
            for (int d = 0; d < datasets; d++) {
                if (!region.contains(d)) {
                    for (FieldRef field : fields(d)) {
                        Verdict stored = all.get(field);
                        part.seed(field, stored.state(), stored.categories(), stored.evidence(),
                                trails.getOrDefault(field, List.of()));
                    }
                }
            }
            Map<FieldRef, Verdict> partial = part.propagate();
            for (int d : region) {
                for (FieldRef field : fields(d)) {
                    assertThat(partial.get(field)).as("seed %d, %s", seed, field).isEqualTo(all.get(field));
                    assertThat(part.trails().get(field)).as("trail, seed %d, %s", seed, field)
                            .isEqualTo(trails.get(field));
                }
            }
        }
        assertThat(trailsSeen).as("the random graphs exercise trails").isPositive();
    }

    private static List<FieldRef> fields(int dataset) {
        return List.of(f("d" + dataset, "c0"), f("d" + dataset, "c1"), f("d" + dataset, "c2"));
    }
}
