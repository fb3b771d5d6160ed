package dev.provenant.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.web.ApiException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trusted records for admins: chain verification, the access log and its export, retention. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    static final int MAX_LIMIT = 10_000;
    private static final String CSV_HEADER = "seq,at,method,path,route,query,status,callerId,callerName,role,client,"
            + "durationMs,hash,prevHash,chainHash";

    private final ChainVerifier verifier;
    private final AccessLogService accessLog;
    private final RetentionService retention;
    private final ObjectMapper json;

    public AuditResource(ChainVerifier verifier, AccessLogService accessLog, RetentionService retention,
            ObjectMapper json) {
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.retention = retention;
        this.json = json;
    }

    @GET
    @Path("audit/verify")
    @Blocking
    @Operation(summary = "Verify the event log and the access log hash chains; names the first broken link")
    public VerifyReport verify() {
        return verifier.verify();
    }

    @GET
    @Path("audit/access-log")
    @Blocking
    @Produces({MediaType.APPLICATION_JSON, "application/x-ndjson", "text/csv"})
    @Operation(summary = "The access log in seq order within [from, to): JSON pages, or all of it as NDJSON or CSV",
            description = "format=json (default; limit, afterSeq for paging), ndjson or csv (the whole range).")
    public Response accessLog(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("1000") int limit, @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
            @QueryParam("format") @DefaultValue("json") String format) {
        Instant start = time(from, "from");
        Instant end = time(to, "to");
        switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> {
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw ApiException.badRequest("invalid_value", "limit must be between 1 and " + MAX_LIMIT, "limit");
                }
                return Response.ok(accessLog.page(start, end, afterSeq, limit)).build();
            }
            case "ndjson" -> {
                return export(start, end, "application/x-ndjson", "ndjson", false);
            }
            case "csv" -> {
                return export(start, end, "text/csv; charset=UTF-8", "csv", true);
            }
            default -> throw ApiException.badRequest("invalid_value", "format must be json, ndjson or csv", "format");
        }
    }

    @POST
    @Path("admin/retention/prune")
    @Blocking
    @Operation(summary = "Apply the configured retention now (it also runs every provenant.retention.interval)")
    public RetentionService.PruneResult prune() {
        return retention.prune();
    }

    private Response export(Instant from, Instant to, String type, String extension, boolean csv) {
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(CSV_HEADER + "\r\n");
            }
            try {
                accessLog.export(from, to, entry -> {
                    try {
                        writer.write(csv ? csvLine(entry) : json.writeValueAsString(entry) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"access-log." + extension + "\"").build();
    }

    private static String csvLine(AccessLogService.EntryView e) {
        return String.join(",", String.valueOf(e.seq()), csv(e.at().toString()), csv(e.method()), csv(e.path()),
                csv(e.route()), csv(e.query()), String.valueOf(e.status()), csv(e.callerId()), csv(e.callerName()),
                csv(e.role()), csv(e.client()), String.valueOf(e.durationMs()), csv(e.hash()), csv(e.prevHash()),
                csv(e.chainHash())) + "\r\n";
    }

    /** RFC 4180 quoting; a leading formula character is escaped so spreadsheets do not evaluate it. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static Instant time(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_value", parameter
                    + " must be an ISO-8601 date-time with offset, such as 2024-05-01T12:00:00Z", parameter);
        }
    }
}
