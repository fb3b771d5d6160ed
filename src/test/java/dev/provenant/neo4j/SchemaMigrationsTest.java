package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void aFileIsSplitAtSemicolonsThatEndALine() {
        assertThat(SchemaMigrations.statements("// header; not an end\nDROP INDEX x IF EXISTS;\r\nMATCH (n)\n"
                + "SET n.a = 'a;b' ;  \nCREATE INDEX y;")).containsExactly("// header; not an end\nDROP INDEX x IF EXISTS",
                        "MATCH (n)\nSET n.a = 'a;b'", "CREATE INDEX y");
        assertThat(SchemaMigrations.statements("CREATE CONSTRAINT c IF NOT EXISTS FOR (n:N) REQUIRE n.k IS UNIQUE"))
                .containsExactly("CREATE CONSTRAINT c IF NOT EXISTS FOR (n:N) REQUIRE n.k IS UNIQUE");
    }
}
