package dev.provenant.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.provenant.audit.AccessLogService;
import dev.provenant.compliance.ComplianceViews.EntityKey;
import dev.provenant.compliance.ComplianceViews.EventEntry;
import dev.provenant.compliance.ComplianceViews.PackageInfo;
import dev.provenant.compliance.ComplianceViews.Scope;
import dev.provenant.ingest.CanonicalJson;
import dev.provenant.lineage.LineageGraph;
import dev.provenant.pii.PiiService;
import dev.provenant.pii.PiiViews.DatasetView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Audit packages: one zip per dataset or model with the compliance reports of its scope, the raw
 * events of that scope, the matching access log entries and a {@code MANIFEST.sha256} over every other
 * file, verifiable offline with {@code sha256sum -c}. The scope is the root and everything upstream of
 * it (the lineage API's upstream walk), i.e. everything that could have shaped it.
 */
@ApplicationScoped
public class AuditPackageService {

    static final String MANIFEST = "MANIFEST.sha256";
    static final String VERIFICATION = "unzip -d pkg <package>.zip && cd pkg && sha256sum -c " + MANIFEST
            + " && sha256sum " + MANIFEST + "  # compare with the X-Manifest-SHA256 header of the download";
    /** Beyond this many events (or access log entries) the package is cut and says so in package.json. */
    static final int MAX_EVENTS = 100_000;
    static final int MAX_ACCESS_ENTRIES = 100_000;

    /** A built package on disk; the caller streams and then deletes it. */
    public record AuditPackage(Path file, String fileName, String manifestSha256) {}

    private final ComplianceService compliance;
    private final PiiService pii;
    private final ComplianceRepository repository;
    private final AccessLogService accessLog;
    private final ObjectWriter writer;

    public AuditPackageService(ComplianceService compliance, PiiService pii, ComplianceRepository repository,
            AccessLogService accessLog, ObjectMapper json) {
        this.compliance = compliance;
        this.pii = pii;
        this.repository = repository;
        this.accessLog = accessLog;
        this.writer = json.writerWithDefaultPrettyPrinter();
    }

    public AuditPackage build(String namespace, String name) {
        LineageGraph graph = compliance.upstream(ComplianceService.required(namespace, "namespace"),
                ComplianceService.required(name, "name"));
        LineageGraph.Node root = graph.nodes().get(0);
        boolean model = Boolean.TRUE.equals(root.model());
        List<EntityKey> datasets = new ArrayList<>();
        List<EntityKey> jobs = new ArrayList<>();
        for (LineageGraph.Node node : graph.nodes()) {
            (node.type().equals("job") ? jobs : datasets).add(new EntityKey(node.namespace(), node.name()));
        }
        Scope scope = new Scope(new EntityKey(root.namespace(), root.name()), model, datasets, jobs, graph.isPartial());
        OffsetDateTime generatedAt = ComplianceService.now();
        Path file;
        try {
            file = Files.createTempFile("provenant-audit-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Map<String, String> manifest = new TreeMap<>();
            Writer out = new Writer(zip, manifest);

            Set<String> categories = new TreeSet<>();
            if (model) {
                var documentation = compliance.modelDocumentation(root.namespace(), root.name());
                out.json("model-documentation.json", documentation);
                categories.addAll(documentation.personalData().upstreamCategories());
                categories.addAll(documentation.personalData().categories());
            }
            DatasetView personal = pii.dataset(root.namespace(), root.name());
            out.json("personal-data.json", personal);
            categories.addAll(personal.categories());
            repository.sources(datasets).forEach(s -> categories.addAll(s.piiCategories()));
            for (String category : categories) {
                out.json("processing-records/" + category + ".json", compliance.processingRecord(category));
            }
            out.json("declarations.json", compliance.declarationsOn(datasets));
            out.json("lineage.json", graph);

            List<EventEntry> index = new ArrayList<>();
            Set<String> runIds = new LinkedHashSet<>();
            int[] pruned = {0};
            int events = repository.scopeEvents(jobs, datasets, MAX_EVENTS + 1, e -> {
                if (index.size() == MAX_EVENTS) {
                    return;
                }
                String path = null;
                if (e.payload() != null) {
                    path = "events/" + e.seq() + "-" + e.hash() + ".json";
                    out.bytes(path, gunzip(e.payload()));
                } else {
                    pruned[0]++;
                }
                if (e.runId() != null) {
                    runIds.add(e.runId());
                }
                index.add(new EventEntry(e.seq(), e.hash(), e.prevHash(), e.chainHash(), e.kind(), e.eventType(),
                        e.eventTime(), e.runId(), e.receivedAt(), e.payloadPrunedAt(), path));
            });
            out.json("events/index.json", index);

            List<AccessLogService.EntryView> entries = accessLog.mentioning(needles(datasets, jobs, runIds),
                    MAX_ACCESS_ENTRIES + 1);
            boolean accessTruncated = entries.size() > MAX_ACCESS_ENTRIES;
            if (accessTruncated) {
                entries = entries.subList(0, MAX_ACCESS_ENTRIES);
            }
            out.json("access-log.json", entries);

            List<String> files = new ArrayList<>(manifest.keySet());
            files.add("package.json");
            files.add(MANIFEST);
            files.sort(null);
            out.json("package.json", new PackageInfo(generatedAt, scope, index.size(), pruned[0],
                    events > MAX_EVENTS, entries.size(), accessTruncated, List.copyOf(categories), files, VERIFICATION));

            StringBuilder lines = new StringBuilder();
            manifest.forEach((path, hash) -> lines.append(hash).append("  ").append(path).append('\n'));
            byte[] manifestBytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            String fileName = "audit-" + root.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + generatedAt.toInstant().toString().replace(":", "") + ".zip";
            return new AuditPackage(file, fileName, CanonicalJson.sha256(manifestBytes));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a temp file is left behind; the failure worth reporting is the one being thrown.
        }
    }

    /**
     * What an access log entry must contain to concern the scope: a dataset's or job's name or a run id,
     * as typed and URL-encoded (query strings are stored as sent).
     */
    static List<String> needles(List<EntityKey> datasets, List<EntityKey> jobs, Set<String> runIds) {
        Set<String> needles = new LinkedHashSet<>();
        for (EntityKey key : concat(datasets, jobs)) {
            needles.add(key.name());
            needles.add(URLEncoder.encode(key.name(), StandardCharsets.UTF_8));
        }
        needles.addAll(runIds);
        return List.copyOf(needles);
    }

    private static List<EntityKey> concat(List<EntityKey> a, List<EntityKey> b) {
        List<EntityKey> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes zip entries and records each one's SHA-256 for the manifest. */
    private final class Writer {
        private final ZipOutputStream zip;
        private final Map<String, String> manifest;

        Writer(ZipOutputStream zip, Map<String, String> manifest) {
            this.zip = zip;
            this.manifest = manifest;
        }

        void json(String path, Object value) {
            try {
                bytes(path, writer.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void bytes(String path, byte[] content) {
            try {
                zip.putNextEntry(new ZipEntry(path));
                zip.write(content);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            manifest.put(path, CanonicalJson.sha256(content));
        }
    }

    /** Copies a built package to the response and removes it. */
    public static void stream(AuditPackage built, OutputStream out) throws IOException {
        try {
            Files.copy(built.file(), out);
        } finally {
            Files.deleteIfExists(built.file());
        }
    }
}
