package dev.provenant.web.ui;

import dev.provenant.pii.PiiRefs;
import dev.provenant.pii.PiiService;
import dev.provenant.pii.PiiState;
import dev.provenant.pii.PiiViews;
import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pages' view of PII propagation, read from the pii feature's service. */
@ApplicationScoped
public class PiiServiceLookup implements PiiLookup {

    private final PiiService pii;

    public PiiServiceLookup(PiiService pii) {
        this.pii = pii;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<DatasetPii> dataset(String namespace, String name) {
        try {
            PiiViews.DatasetView view = pii.dataset(namespace, name);
            return Optional.of(new DatasetPii(view.namespace(), view.name(), state(view.state()), list(view.categories()),
                    view.fields().stream().map(f -> new FieldPii(f.name(), state(f.state()), f.declared(),
                            list(f.categories()), hops(f.evidence()))).toList()));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<DatasetPii> mostExposed(int limit) {
        return pii.overview().mostExposed().stream().limit(limit).map(d -> new DatasetPii(d.namespace(), d.name(),
                state(d.state()), list(d.categories()), List.of())).toList();
    }

    @Override
    public List<CategoryCount> overview() {
        PiiViews.OverviewView overview = pii.overview();
        List<CategoryCount> counts = new ArrayList<>();
        for (PiiViews.CategoryCount c : overview.categories()) {
            List<Ref> declared = overview.declaredSources().stream()
                    .filter(s -> s.categories() != null && s.categories().contains(c.category()))
                    .map(s -> new Ref(s.namespace(), s.name(), s.field())).toList();
            long datasets = declared.stream().map(r -> r.namespace() + "\u0000" + r.name()).distinct().count();
            counts.add(new CategoryCount(c.category(), c.fields(), datasets, declared.stream().limit(5).toList()));
        }
        return counts;
    }

    @Override
    public List<Impact> erasureImpact(String namespace, String name, String field) {
        try {
            PiiViews.ErasureView view = pii.erasureImpact(namespace, name, field);
            List<Impact> impact = new ArrayList<>();
            for (PiiViews.DatasetCopies copies : view.datasets()) {
                copies.fields().forEach(f -> impact.add(new Impact(copies.namespace(), copies.name(), f.name(),
                        state(f.state()))));
            }
            view.possible().forEach(d -> impact.add(new Impact(d.namespace(), d.name(), null, state(d.state()))));
            return impact;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static List<Hop> hops(List<PiiRefs.Hop> evidence) {
        if (evidence == null) {
            return List.of();
        }
        return evidence.stream().map(h -> new Hop(ref(h.from()), ref(h.to()),
                h.job() == null ? null : new JobRef(h.job().namespace(), h.job().name()), h.type(), h.subtype(),
                h.masking())).toList();
    }

    private static Ref ref(PiiRefs.FieldRef ref) {
        return new Ref(ref.namespace(), ref.name(), ref.field());
    }

    private static String state(PiiState state) {
        return state == null ? "CLEAR" : state.name();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
