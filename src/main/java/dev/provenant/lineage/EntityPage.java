package dev.provenant.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A page of datasets or jobs, by namespace and name: {@code total} counts all that match the filter. */
public record EntityPage(long total, int offset, int limit, List<Item> items) {

    /** {@code model}/{@code feature} are set for datasets only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String namespace, String name, Boolean model, Boolean feature, OffsetDateTime lastSeen) {}
}
