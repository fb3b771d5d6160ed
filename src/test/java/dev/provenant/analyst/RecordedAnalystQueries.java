package dev.provenant.analyst;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the analyst query events in the test application, as the access log will. */
@ApplicationScoped
public class RecordedAnalystQueries {

    private final List<AnalystQueryExecuted> events = new CopyOnWriteArrayList<>();

    void on(@Observes AnalystQueryExecuted event) {
        events.add(event);
    }

    public AnalystQueryExecuted last() {
        return events.get(events.size() - 1);
    }
}
