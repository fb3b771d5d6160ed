package dev.provenant.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void namesAreSplitIntoPartsAndTheLastPartIsAlsoAPrefix() {
        assertThat(SearchQuery.lucene("public.orders_raw")).isEqualTo("public AND orders AND (raw OR raw*)");
        assertThat(SearchQuery.lucene("tbl1")).isEqualTo("(tbl1 OR tbl1*)");
        assertThat(SearchQuery.lucene("  s3://Bucket/Key  ")).isEqualTo("s3 AND bucket AND (key OR key*)");
    }

    @Test
    void luceneSyntaxAndOperatorsCannotBeInjected() {
        assertThat(SearchQuery.lucene("a:b(")).isEqualTo("a AND (b OR b*)");
        assertThat(SearchQuery.lucene("x AND NOT y~2^3 \"z\" *")).isEqualTo("x AND and AND not AND y AND 2 AND 3 AND (z OR z*)");
        assertThat(SearchQuery.lucene("*?:()")).isNull();
        assertThat(SearchQuery.escape("a+b")).isEqualTo("a\\+b");
    }

    @Test
    void lettersAndDigitsOfAnyScriptSurvive() {
        assertThat(SearchQuery.lucene("Straße_2")).isEqualTo("straße AND (2 OR 2*)");
    }

    @Test
    void veryLongInputIsCappedInTerms() {
        assertThat(SearchQuery.terms("a ".repeat(100))).hasSize(SearchQuery.MAX_TERMS);
    }

    @Test
    void noTextIsNoQuery() {
        assertThat(SearchQuery.lucene(null)).isNull();
        assertThat(SearchQuery.lucene("")).isNull();
    }
}
