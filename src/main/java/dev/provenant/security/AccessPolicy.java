package dev.provenant.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one route table: which role each route needs. The first matching rule wins; a route no rule
 * matches needs {@link Role#ADMIN}, so an endpoint added without a line here is protected, and
 * {@code RouteProtectionIT} fails the build until it gets one.
 */
public final class AccessPolicy {

    private static final Set<String> ANY = Set.of();
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> WRITE = Set.of("POST", "DELETE");

    /** The weakest role that may call a route none of the rules names. */
    public static final Role DEFAULT_ROLE = Role.ADMIN;

    static final List<AccessRule> RULES = List.of(
            // Open: probes of orchestrators and load balancers, the sign-in page and static assets.
            new AccessRule(GET, "/q/health/**", null),
            new AccessRule(Set.of("GET", "POST"), "/login", null),
            new AccessRule(GET, "/static/**", null),
            new AccessRule(GET, "/favicon.ico", null),
            // Signing out needs a session but no particular role.
            new AccessRule(POST, "/logout", Role.INGEST),

            // Ingest: the OpenLineage endpoints.
            new AccessRule(POST, "/api/v1/lineage", Role.INGEST),
            new AccessRule(POST, "/api/v1/lineage/batch", Role.INGEST),

            // Admin only, listed before the read API so that GETs below them stay admin-only.
            new AccessRule(ANY, "/api/v1/admin/**", Role.ADMIN),
            new AccessRule(ANY, "/api/v1/audit/**", Role.ADMIN),
            new AccessRule(POST, "/api/v1/ml/reclassify", Role.ADMIN),
            // Raw events and the access log extract of a scope.
            new AccessRule(GET, "/api/v1/compliance/audit-package", Role.ADMIN),

            // Stewards: personal-data declarations, barriers and recomputation.
            new AccessRule(WRITE, "/api/v1/pii/declarations/**", Role.STEWARD),
            new AccessRule(WRITE, "/api/v1/pii/barriers/**", Role.STEWARD),
            new AccessRule(POST, "/api/v1/pii/recompute", Role.STEWARD),

            // Analysts: read-only Cypher, API and page.
            new AccessRule(POST, "/api/v1/cypher", Role.ANALYST),
            new AccessRule(Set.of("GET", "POST"), "/cypher/**", Role.ANALYST),

            // Admin pages: tokens and the access log (listed although admin is the default, for RouteProtectionIT).
            new AccessRule(Set.of("GET", "POST"), "/admin/**", Role.ADMIN),

            // Viewers: the whole read API and the UI pages.
            new AccessRule(GET, "/api/v1/**", Role.VIEWER),
            new AccessRule(GET, "/", Role.VIEWER),
            new AccessRule(GET, "/search/**", Role.VIEWER),
            new AccessRule(GET, "/datasets/**", Role.VIEWER),
            new AccessRule(GET, "/jobs/**", Role.VIEWER),
            new AccessRule(GET, "/runs/**", Role.VIEWER),
            new AccessRule(GET, "/models/**", Role.VIEWER),
            new AccessRule(GET, "/lineage/**", Role.VIEWER),
            new AccessRule(GET, "/pii/**", Role.VIEWER),
            // The printable reports show what their viewer-level JSON shows (docs/compliance.md).
            new AccessRule(GET, "/compliance/model-documentation", Role.VIEWER),
            new AccessRule(GET, "/compliance/processing-record", Role.VIEWER),
            new AccessRule(GET, "/compliance/erasure-impact", Role.VIEWER),
            // Metrics and the API description reveal internals but no data: any reader, e.g. a
            // Prometheus scraper with a viewer token.
            new AccessRule(GET, "/q/metrics/**", Role.VIEWER),
            new AccessRule(GET, "/q/openapi/**", Role.VIEWER),
            new AccessRule(GET, "/q/openapi.json", Role.VIEWER),
            new AccessRule(GET, "/q/openapi.yaml", Role.VIEWER),
            new AccessRule(GET, "/q/openapi.yml", Role.VIEWER),
            // Served in dev and test mode only.
            new AccessRule(GET, "/q/swagger-ui/**", Role.VIEWER),
            new AccessRule(GET, "/q/health-ui/**", Role.VIEWER));

    private AccessPolicy() {}

    /** The rule the table has for this request, if any. */
    public static Optional<AccessRule> explicitRule(String method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    /** The rule that applies: the table's, or admin-only. */
    public static AccessRule ruleFor(String method, String path) {
        return explicitRule(method, path).orElseGet(() -> new AccessRule(ANY, "(not listed)", DEFAULT_ROLE));
    }
}
