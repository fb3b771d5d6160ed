package dev.provenant.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User text becomes a Lucene query that cannot break out of its terms. */
class CatalogTest {

    @Test
    void termsMatchInsideTokensAndSpecialCharactersAreEscaped() {
        assertThat(Catalog.luceneQuery("Customers")).isEqualTo("*customers*");
        assertThat(Catalog.luceneQuery("  lake  email ")).isEqualTo("*lake* AND *email*");
        assertThat(Catalog.luceneQuery("a:b OR (c)")).isEqualTo("*a\\:b* AND *or* AND *\\(c\\)*");
        assertThat(Catalog.luceneQuery("s3://x*")).isEqualTo("*s3\\:\\/\\/x\\**");
        assertThat(Catalog.luceneQuery("   ")).isEmpty();
        assertThat(Catalog.luceneQuery(null)).isEmpty();
    }
}
