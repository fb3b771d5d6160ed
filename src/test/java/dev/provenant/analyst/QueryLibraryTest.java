package dev.provenant.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provenant.neo4j.CypherCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library's headers: every file is listed, every header parses, types and defaults hold. */
class QueryLibraryTest {

    @Test
    void everyFileOfTheDirectoryIsInTheLibrary() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cypher", "analyst"))) {
            List<String> names = files.map(p -> "analyst/" + p.getFileName().toString().replace(".cypher", ""))
                    .sorted().toList();
            assertThat(QueryLibrary.FILES.stream().sorted().toList()).isEqualTo(names);
        }
    }

    @Test
    void everyHeaderParsesWithTitleDescriptionAndParameters() {
        QueryLibrary library = new QueryLibrary(new CypherCatalog());
        assertThat(library.all()).hasSize(QueryLibrary.FILES.size()).allSatisfy(q -> {
            assertThat(q.title()).isNotBlank();
            assertThat(q.description()).isNotBlank();
            assertThat(q.returns()).isNotBlank();
        });
        LibraryQuery raw = library.find("find_raw_email_datasets").orElseThrow();
        assertThat(raw.parameters()).containsExactly(
                new LibraryParameter("category", LibraryParameter.Type.STRING, false, "EMAIL",
                        "PII category to look for, e.g. EMAIL, NAME, PHONE, HEALTH"),
                new LibraryParameter("namespace", LibraryParameter.Type.STRING, false, null,
                        "only datasets in this namespace; null for every namespace"));
        LibraryQuery downstream = library.find("find_downstream_of_dataset").orElseThrow();
        assertThat(downstream.parameters()).extracting(p -> p.name() + ":" + p.type() + ":" + p.required() + ":"
                + p.defaultValue()).containsExactly("namespace:STRING:true:null", "name:STRING:true:null",
                "includeStale:BOOLEAN:false:false");
        assertThat(library.find("find_unwritten_datasets").orElseThrow().parameters().get(0).defaultValue())
                .isEqualTo(90);
    }

    @Test
    void headerRulesAreEnforced() {
        assertThatThrownBy(() -> LibraryHeaders.parse("x", "// title: t\n// returns: r\nRETURN 1"))
                .hasMessageContaining("needs title, description and returns");
        assertThatThrownBy(() -> LibraryHeaders.parse("x", "// title: t\n// description: d\n// returns: r\n"
                + "// param: days integer \"ninety\" — days\nRETURN 1")).hasMessageContaining("does not fit its type");
        assertThatThrownBy(() -> LibraryHeaders.parse("x", "// title: t\n// colour: blue\nRETURN 1"))
                .hasMessageContaining("header line not understood");
        assertThatThrownBy(() -> LibraryHeaders.parse("x", "// title: t\n// param: days decimal 1 — d\nRETURN 1"))
                .hasMessageContaining("param line not understood");
    }

    @Test
    void parametersAreTypeChecked() {
        LibraryParameter days = new LibraryParameter("days", LibraryParameter.Type.INTEGER, false, 90, "d");
        assertThat(days.bind(7)).isEqualTo(7L);
        assertThatThrownBy(() -> days.bind("7")).hasMessage("parameter days must be an integer");
        assertThatThrownBy(() -> days.bind(7.5)).hasMessage("parameter days must be an integer");
        LibraryParameter from = new LibraryParameter("from", LibraryParameter.Type.DATETIME, false, null, "f");
        assertThat(from.bind("2026-01-31T10:00:00+02:00")).isEqualTo(OffsetDateTime.parse("2026-01-31T10:00:00+02:00"));
        assertThat(from.bind("2026-01-31T10:00:00")).isEqualTo(OffsetDateTime.parse("2026-01-31T10:00:00Z"));
        assertThatThrownBy(() -> from.bind("last week")).hasMessageContaining("ISO-8601 date-time");
        assertThat(new LibraryParameter("b", LibraryParameter.Type.BOOLEAN, false, false, "b").bind(true))
                .isEqualTo(true);
        assertThat(new LibraryParameter("f", LibraryParameter.Type.FLOAT, false, null, "f").bind(3)).isEqualTo(3.0);
    }

    @Test
    void csvQuotesAsRfc4180Says() {
        String csv = CsvWriter.write(List.of("a", "b,c"), List.of(
                List.of("plain", "with \"quotes\""),
                java.util.Arrays.asList(null, "two\r\nlines"),
                List.of(12L, java.util.Map.of("k", "v"))), new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(csv).isEqualTo("a,\"b,c\"\r\nplain,\"with \"\"quotes\"\"\"\r\n,\"two\r\nlines\"\r\n12,\"{\"\"k\"\":\"\"v\"\"}\"\r\n");
    }
}
