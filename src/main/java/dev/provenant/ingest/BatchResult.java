package dev.provenant.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provenant.web.ApiError;
import java.util.List;

/** The answer to a batch: counts and one result per item, in the order the items were sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(String error, String message, int accepted, int duplicates, int rejected,
        List<Item> results) {

    /** {@code status} is created, duplicate or rejected; rejected items carry the error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String status, String hash, Long seq, ApiError error) {}
}
