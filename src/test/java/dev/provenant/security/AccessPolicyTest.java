package dev.provenant.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route table: which role each kind of route needs, and admin-only for anything it does not name. */
class AccessPolicyTest {

    private static Role role(String method, String path) {
        return AccessPolicy.ruleFor(method, path).role();
    }

    @Test
    void ingestMayOnlyPostLineage() {
        assertThat(role("POST", "/api/v1/lineage")).isEqualTo(Role.INGEST);
        assertThat(role("POST", "/api/v1/lineage/batch")).isEqualTo(Role.INGEST);
        assertThat(role("GET", "/api/v1/lineage")).isEqualTo(Role.VIEWER);
        assertThat(role("POST", "/api/v1/lineage/other")).isEqualTo(Role.ADMIN);
    }

    @Test
    void readsAreForViewersCypherForAnalystsPiiWritesForStewards() {
        assertThat(role("GET", "/api/v1/stats")).isEqualTo(Role.VIEWER);
        assertThat(role("HEAD", "/api/v1/stats")).isEqualTo(Role.VIEWER);
        assertThat(role("GET", "/api/v1/pii/dataset")).isEqualTo(Role.VIEWER);
        assertThat(role("POST", "/api/v1/cypher")).isEqualTo(Role.ANALYST);
        assertThat(role("POST", "/api/v1/pii/declarations")).isEqualTo(Role.STEWARD);
        assertThat(role("DELETE", "/api/v1/pii/declarations/abc")).isEqualTo(Role.STEWARD);
        assertThat(role("DELETE", "/api/v1/pii/barriers/abc")).isEqualTo(Role.STEWARD);
        assertThat(role("POST", "/api/v1/pii/recompute")).isEqualTo(Role.STEWARD);
        assertThat(role("GET", "/cypher")).isEqualTo(Role.ANALYST);
        assertThat(role("GET", "/datasets")).isEqualTo(Role.VIEWER);
        assertThat(role("GET", "/")).isEqualTo(Role.VIEWER);
    }

    @Test
    void adminAndAuditRoutesStayAdminOnlyEvenForGet() {
        assertThat(role("GET", "/api/v1/admin/tokens")).isEqualTo(Role.ADMIN);
        assertThat(role("GET", "/api/v1/audit/verify")).isEqualTo(Role.ADMIN);
        assertThat(role("POST", "/api/v1/ml/reclassify")).isEqualTo(Role.ADMIN);
    }

    @Test
    void unlistedRoutesNeedAdmin() {
        assertThat(AccessPolicy.explicitRule("POST", "/api/v1/something-new")).isEmpty();
        assertThat(role("POST", "/api/v1/something-new")).isEqualTo(Role.ADMIN);
        assertThat(role("PUT", "/api/v1/stats")).isEqualTo(Role.ADMIN);
        assertThat(role("GET", "/q/dev-ui")).isEqualTo(Role.ADMIN);
        assertThat(role("GET", "/datasetsx")).isEqualTo(Role.ADMIN);
    }

    @Test
    void healthLoginAndStaticAssetsArePublic() {
        assertThat(AccessPolicy.ruleFor("GET", "/q/health").isPublic()).isTrue();
        assertThat(AccessPolicy.ruleFor("GET", "/q/health/ready").isPublic()).isTrue();
        assertThat(AccessPolicy.ruleFor("GET", "/q/healthy").isPublic()).isFalse();
        assertThat(AccessPolicy.ruleFor("POST", "/login").isPublic()).isTrue();
        assertThat(AccessPolicy.ruleFor("GET", "/static/app.css").isPublic()).isTrue();
        assertThat(role("GET", "/q/metrics")).isEqualTo(Role.VIEWER);
        assertThat(role("GET", "/q/openapi")).isEqualTo(Role.VIEWER);
    }

    @Test
    void wildcardSegmentsMatchOneNonEmptySegment() {
        assertThat(AccessRule.pathMatches("/api/v1/admin/tokens/*", "/api/v1/admin/tokens/abc")).isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/admin/tokens/*", "/api/v1/admin/tokens/abc/def")).isFalse();
        assertThat(AccessRule.pathMatches("/api/v1/admin/tokens/*", "/api/v1/admin/tokens/")).isFalse();
        assertThat(AccessRule.pathMatches("/api/v1/**", "/api/v1")).isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/**", "/api/v10")).isFalse();
    }

    @Test
    void rolesAreOrdered() {
        assertThat(Role.ADMIN.covers(Role.STEWARD)).isTrue();
        assertThat(Role.VIEWER.covers(Role.INGEST)).isTrue();
        assertThat(Role.INGEST.covers(Role.VIEWER)).isFalse();
        assertThat(Role.ANALYST.weaker()).contains(Role.VIEWER);
        assertThat(Role.INGEST.weaker()).isEmpty();
    }
}
