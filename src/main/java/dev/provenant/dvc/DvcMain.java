package dev.provenant.dvc;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code provenant-dvc}: sends a DVC pipeline's lineage to Provenant with the openlineage-java client.
 * A plain command-line program: it starts neither Quarkus nor a database. Run it with
 * {@code bin/provenant-dvc}; see docs/integrations.md.
 */
public final class DvcMain {

    static final int OK = 0;
    static final int SEND_FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage:
              provenant-dvc emit --repo <dir> --url <provenant base url> --api-key <token>
                                 [--api-key-file <file>] [--namespace <ns>] [--model-pattern <glob>]...
                                 [--timeout <seconds>] [--dry-run]
              provenant-dvc install-hook --repo <dir> --url <provenant base url>
                                 [--api-key-file <file>] [--namespace <ns>] [--model-pattern <glob>]...
            The API key may also come from the environment variable PROVENANT_API_KEY, the URL from PROVENANT_URL.
            --dry-run prints the events as NDJSON instead of sending them.""";

    private DvcMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** The whole program; returns the exit code instead of exiting, so tests can run it in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                out.println(USAGE_TEXT);
                return OK;
            }
            DvcCommand command = DvcCommand.parse(args);
            return switch (command.name()) {
                case "emit" -> emit(command, out, err, env);
                case "install-hook" -> installHook(command, out, env);
                default -> throw new DvcException("unknown command " + command.name() + ": emit or install-hook");
            };
        } catch (DvcException e) {
            err.println("provenant-dvc: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (UncheckedIOException e) {
            err.println("provenant-dvc: " + e.getCause().getMessage());
            return USAGE;
        }
    }

    private static int emit(DvcCommand command, PrintStream out, PrintStream err, Map<String, String> env) {
        Path repo = repo(command);
        DvcPipeline pipeline = DvcPipeline.load(repo);
        Optional<GitInfo> git = GitInfo.read(repo);
        List<OpenLineage.RunEvent> events = DvcEvents.events(pipeline, git,
                new DvcEvents.Settings(command.option("--namespace"), command.models()));
        if (!pipeline.staleLockEntries().isEmpty()) {
            err.println("provenant-dvc: skipped dvc.lock entries that dvc.yaml no longer declares: "
                    + String.join(", ", pipeline.staleLockEntries()));
        }
        if (command.dryRun()) {
            events.forEach(e -> out.println(OpenLineageClientUtils.toJson(e)));
            return OK;
        }
        String url = required(command.option("--url"), env.get("PROVENANT_URL"), "--url");
        String apiKey = apiKey(command, env);
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create(url));
        config.setEndpoint("/api/v1/lineage");
        config.setTimeoutInMillis(seconds(command.options().getOrDefault("--timeout", "60")) * 1000);
        config.setCompression(HttpConfig.Compression.GZIP);
        ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
        auth.setApiKey(apiKey);
        config.setAuth(auth);
        int sent = 0;
        try (OpenLineageClient client = OpenLineageClient.builder().transport(new HttpTransport(config)).build()) {
            for (OpenLineage.RunEvent event : events) {
                client.emit(event);
                sent++;
            }
        } catch (Exception e) {
            err.println("provenant-dvc: sending to " + url + " failed after " + sent + " of " + events.size()
                    + " events: " + e.getMessage());
            return SEND_FAILED;
        }
        out.println("provenant-dvc: sent " + sent + " events for " + pipeline.stages().size() + " stages of "
                + repo + " to " + url + " (namespace " + events.get(0).getJob().getNamespace() + ")");
        return OK;
    }

    private static int installHook(DvcCommand command, PrintStream out, Map<String, String> env) {
        if (command.option("--api-key") != null) {
            throw new DvcException("install-hook does not write API keys into hooks: use --api-key-file <file>,"
                    + " or set PROVENANT_API_KEY where you commit");
        }
        Path repo = repo(command);
        String url = required(command.option("--url"), env.get("PROVENANT_URL"), "--url");
        List<String> emit = new ArrayList<>();
        String launcher = command.option("--command") != null ? command.option("--command")
                : env.getOrDefault("PROVENANT_DVC_LAUNCHER", "provenant-dvc");
        emit.addAll(List.of(launcher, "emit", "--repo", repo.toString(), "--url", url));
        if (command.option("--api-key-file") != null) {
            emit.addAll(List.of("--api-key-file", Path.of(command.option("--api-key-file")).toAbsolutePath().toString()));
        }
        if (command.option("--namespace") != null) {
            emit.addAll(List.of("--namespace", command.option("--namespace")));
        }
        if (command.option("--model-pattern") != null) {
            emit.addAll(List.of("--model-pattern", String.join(",", command.modelPatterns())));
        }
        Path hook = GitHook.install(repo, emit);
        out.println("provenant-dvc: post-commit hook written to " + hook);
        return OK;
    }

    private static Path repo(DvcCommand command) {
        Path repo = Path.of(command.options().getOrDefault("--repo", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(repo)) {
            throw new DvcException("--repo " + repo + " is not a directory");
        }
        return repo;
    }

    private static String apiKey(DvcCommand command, Map<String, String> env) {
        if (command.option("--api-key") != null) {
            return command.option("--api-key");
        }
        if (command.option("--api-key-file") != null) {
            try {
                return Files.readString(Path.of(command.option("--api-key-file"))).trim();
            } catch (IOException e) {
                throw new DvcException("cannot read --api-key-file: " + e.getMessage(), e);
            }
        }
        return required(null, env.get("PROVENANT_API_KEY"), "--api-key");
    }

    private static int seconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds > 0 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DvcException("--timeout must be a number of seconds between 1 and 3600");
    }

    private static String required(String value, String fallback, String option) {
        String v = value != null ? value : fallback;
        if (v == null || v.isBlank()) {
            throw new DvcException(option + " is required");
        }
        return v;
    }
}
