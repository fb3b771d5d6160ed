package dev.provenant.web.ui;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Stands in while no PII propagation is installed (the pii feature provides the real {@link PiiLookup}). */
@DefaultBean
@ApplicationScoped
public class NoPiiLookup implements PiiLookup {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public Optional<DatasetPii> dataset(String namespace, String name) {
        return Optional.empty();
    }

    @Override
    public List<DatasetPii> mostExposed(int limit) {
        return List.of();
    }

    @Override
    public List<CategoryCount> overview() {
        return List.of();
    }

    @Override
    public List<Impact> erasureImpact(String namespace, String name, String field) {
        return List.of();
    }
}
