package dev.provenant.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Counts and single runs for callers outside the lineage package (the web UI). */
@ApplicationScoped
public class OverviewService {

    private final LineageReadRepository repository;

    OverviewService(LineageReadRepository repository) {
        this.repository = repository;
    }

    public Stats stats() {
        return repository.stats();
    }

    public Optional<RunView> run(String runId) {
        return repository.run(runId);
    }
}
