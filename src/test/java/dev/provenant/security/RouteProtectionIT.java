package dev.provenant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.RouterCapture;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route the running application serves, read from the real REST deployment and the Vert.x
 * router, has a line in {@link AccessPolicy}, answers 401 without a token (a page GET: 303 to the
 * sign-in page), 403 to the role just below the one it needs, and neither to the role it needs. A new endpoint without a table entry fails here.
 */
@QuarkusTest
class RouteProtectionIT {

    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    /** A route as served: method and a concrete path (template parameters filled in). */
    record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }
    }

    @BeforeEach
    void tokens() {
        if (!TOKENS.isEmpty()) {
            return;
        }
        for (Role role : Role.values()) {
            TOKENS.put(role, role == Role.ADMIN ? TestResources.ADMIN_TOKEN
                    : Tokens.issue("route-protection-" + role.label(), role.label()));
        }
    }

    /** The JAX-RS endpoints of the live deployment plus every Vert.x route with a path (Quarkus' /q/*). */
    static Set<Endpoint> servedRoutes() {
        Set<Endpoint> endpoints = new TreeSet<>();
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        String prefix = deployment.getPrefix() == null ? "" : deployment.getPrefix();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> classPath : deployment.getClassMappers()) {
            for (ServerRestHandler handler : classPath.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod : routing.getMappers().entrySet()) {
                        for (RequestMapper.RequestPath<RuntimeResource> method : byMethod.getValue().getTemplates()) {
                            String httpMethod = method.value.getHttpMethod();
                            if (httpMethod != null) {
                                endpoints.add(new Endpoint(httpMethod, concrete(prefix + classPath.template.template
                                        + method.value.getPath().template)));
                            }
                        }
                    }
                }
            }
        }
        addRoutes(RouterCapture.router(), "", endpoints);
        return endpoints;
    }

    /** Routes with a path, descending into mounted sub-routers (Quarkus mounts its /q/* routes as one). */
    private static void addRoutes(Router router, String mount, Set<Endpoint> endpoints) {
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null) {
                continue;
            }
            String path = mount + route.getPath();
            if (route.getSubRouter() != null) {
                addRoutes(route.getSubRouter(), path, endpoints);
                continue;
            }
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty()) {
                endpoints.add(new Endpoint("GET", concrete(path)));
            } else {
                methods.forEach(m -> endpoints.add(new Endpoint(m.name(), concrete(path))));
            }
        }
    }

    /** Fills template parameters ({id}, :id, *) with a value and tidies slashes. */
    private static String concrete(String template) {
        String path = template.replaceAll("\\{[^}]*}", "x").replaceAll(":[A-Za-z_]+", "x").replace("*", "x")
                .replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Test
    void theRouteListIsRead() {
        Set<Endpoint> routes = servedRoutes();
        assertThat(routes).contains(new Endpoint("POST", "/api/v1/lineage"), new Endpoint("POST", "/api/v1/lineage/batch"),
                new Endpoint("GET", "/api/v1/stats"), new Endpoint("DELETE", "/api/v1/admin/tokens/x"),
                new Endpoint("GET", "/api/v1/audit/verify"), new Endpoint("GET", "/q/metrics"),
                new Endpoint("GET", "/q/health/ready"));
    }

    @Test
    void everyServedRouteHasALineInTheRouteTable() {
        List<Endpoint> unlisted = servedRoutes().stream()
                .filter(e -> AccessPolicy.explicitRule(e.method(), e.path()).isEmpty()).toList();
        assertThat(unlisted).as("routes without a line in AccessPolicy.RULES").isEmpty();
    }

    @Test
    void everyProtectedRouteRefusesNoTokenAndTheWeakerRoleAndAdmitsItsRole() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : servedRoutes()) {
            AccessRule rule = AccessPolicy.ruleFor(endpoint.method(), endpoint.path());
            if (rule.isPublic()) {
                Response open = send(given(), endpoint);
                if (refusedByFilter(open)) {
                    problems.add(endpoint + " is public but answered " + open.statusCode());
                }
                continue;
            }
            Response anonymous = send(given().redirects().follow(false), endpoint);
            if (isPageRead(endpoint)) {
                // A browser without a session is sent to sign in (security/WebSessions) instead of a 401.
                String location = anonymous.header("Location");
                if (anonymous.statusCode() != 303 || location == null || !location.contains("/login?next=")) {
                    problems.add(endpoint + " without a token answered " + anonymous.statusCode() + " " + location);
                }
            } else if (anonymous.statusCode() != 401
                    || !"unauthorized".equals(anonymous.jsonPath().getString("error"))) {
                problems.add(endpoint + " without a token answered " + anonymous.statusCode());
            }
            rule.role().weaker().ifPresent(weaker -> {
                Response refused = send(given().auth().oauth2(TOKENS.get(weaker)), endpoint);
                if (refused.statusCode() != 403 || !"forbidden".equals(refused.jsonPath().getString("error"))) {
                    problems.add(endpoint + " with role " + weaker.label() + " answered " + refused.statusCode());
                }
            });
            Response admitted = send(given().auth().oauth2(TOKENS.get(rule.role())), endpoint);
            if (refusedByFilter(admitted)) {
                problems.add(endpoint + " with role " + rule.role().label() + " answered " + admitted.statusCode());
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A refusal of authentication or authorization. The UI's forms answer their own HTML 403 when the
     * CSRF token is missing, which says nothing about the route's protection.
     */
    private static boolean refusedByFilter(Response response) {
        return response.statusCode() == 401 || (response.statusCode() == 403
                && response.contentType().startsWith("application/json")
                && "forbidden".equals(response.jsonPath().getString("error")));
    }

    /** A UI page read: a GET outside the API and Quarkus' own endpoints. */
    private static boolean isPageRead(Endpoint endpoint) {
        return endpoint.method().equals("GET") && !endpoint.path().startsWith("/api/") && !endpoint.path().startsWith("/q/");
    }

    private static Response send(RequestSpecification request, Endpoint endpoint) {
        return request.contentType("application/json").request(endpoint.method(), endpoint.path());
    }
}
