package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One curated query of {@code cypher/analyst/}: its id (the file name), what its header says, and the
 * statement itself (not listed by the API, but readable in the repository and the docs).
 */
public record LibraryQuery(String id, String title, String description, List<LibraryParameter> parameters,
        String returns, @JsonIgnore String cypher) {}
