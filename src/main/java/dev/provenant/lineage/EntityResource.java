package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import dev.provenant.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Datasets and jobs, one by namespace and name or a page of them; and full-text search over names. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntityResource {

    static final int MAX_PAGE = 1000;
    static final int MAX_SEARCH = 200;
    private static final Set<String> SEARCH_TYPES = Set.of("dataset", "field", "job", "model");

    private final EntityRepository entities;
    private final SearchRepository search;

    public EntityResource(EntityRepository entities, SearchRepository search) {
        this.entities = entities;
        this.search = search;
    }

    @GET
    @Path("datasets")
    @Operation(summary = "One dataset (namespace and name; a symlinked name finds it too) or a page of datasets",
            description = "With name: fields as a tree, facets, versions, producing and consuming jobs, last runs;"
                    + " pii {state, categories} on the dataset and each field (fields add declared), as PII propagation"
                    + " stored it. Without name: a page by namespace and name.")
    public Object datasets(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        if (present(name)) {
            required(namespace, "namespace");
            return entities.dataset(namespace, name)
                    .orElseThrow(() -> ApiException.notFound("no dataset " + namespace + " / " + name));
        }
        return entities.datasets(present(namespace) ? namespace : null, offset(offset), limit(limit));
    }

    @GET
    @Path("jobs")
    @Operation(summary = "One job (namespace and name) or a page of jobs",
            description = "With name: inputs, outputs, latest runs with state and duration, source code location,"
                    + " SQL and facets. Without name: a page by namespace and name.")
    public Object jobs(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        if (present(name)) {
            required(namespace, "namespace");
            return entities.job(namespace, name)
                    .orElseThrow(() -> ApiException.notFound("no job " + namespace + " / " + name));
        }
        return entities.jobs(present(namespace) ? namespace : null, offset(offset), limit(limit));
    }

    @GET
    @Path("search")
    @Operation(summary = "Full-text search over the names of datasets, fields, jobs and models, best first",
            description = "Names match by their parts (public.orders_raw matches orders); the last word also matches"
                    + " as a prefix. type narrows to dataset, field, job or model.")
    public SearchResults search(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("limit") String limitText) {
        required(q, "q");
        String kind = null;
        if (present(type)) {
            kind = type.strip().toLowerCase(Locale.ROOT);
            if (!SEARCH_TYPES.contains(kind)) {
                throw ApiException.badRequest("invalid_value", "type must be one of dataset, field, job, model",
                        "type");
            }
        }
        int limit = QueryParams.integer(limitText, 20, 1, MAX_SEARCH, "limit");
        String query = SearchQuery.lucene(q);
        if (query == null) {
            throw ApiException.badRequest("invalid_value", "q must contain at least one letter or digit", "q");
        }
        return new SearchResults(search.search(query, kind, limit));
    }

    private static int limit(String value) {
        return QueryParams.integer(value, 100, 1, MAX_PAGE, "limit");
    }

    private static int offset(String value) {
        return QueryParams.integer(value, 0, 0, Integer.MAX_VALUE, "offset");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void required(String value, String parameter) {
        if (!present(value)) {
            throw ApiException.badRequest("missing_parameter", parameter + " is required", parameter);
        }
    }
}
