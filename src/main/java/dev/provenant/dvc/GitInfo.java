package dev.provenant.dvc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What git says about the pipeline's directory, read with the {@code git} command: the work tree's
 * root, the pipeline's path inside it, the remote, and the commit that recorded the current dvc.lock.
 *
 * @param lockCommit the last commit that changed dvc.lock, or HEAD when dvc.lock has uncommitted changes
 * @param lockCommitTime that commit's time; null when dvc.lock has uncommitted changes or was never committed
 */
public record GitInfo(Path root, String prefix, String remote, String lockCommit, Instant lockCommitTime) {

    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

    /** Empty when the directory is not in a git work tree or git is not installed. */
    public static Optional<GitInfo> read(Path dir) {
        Optional<String> top = git(dir, "rev-parse", "--show-toplevel");
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String prefix = git(dir, "rev-parse", "--show-prefix").orElse("");
        String remote = git(dir, "remote").flatMap(remotes -> {
            List<String> names = remotes.lines().toList();
            String name = names.contains("origin") ? "origin" : names.isEmpty() ? null : names.get(0);
            return name == null ? Optional.empty() : git(dir, "config", "--get", "remote." + name + ".url");
        }).map(GitInfo::withoutCredentials).orElse(null);
        boolean lockDirty = git(dir, "status", "--porcelain", "--", "dvc.lock").map(s -> !s.isBlank()).orElse(true);
        String head = git(dir, "rev-parse", "--verify", "-q", "HEAD").orElse(null);
        String lockCommit = head;
        Instant lockTime = null;
        if (!lockDirty) {
            Optional<String> last = git(dir, "log", "-1", "--format=%H %cI", "--", "dvc.lock");
            if (last.isPresent() && !last.get().isBlank()) {
                String[] parts = last.get().trim().split(" ");
                lockCommit = parts[0];
                lockTime = OffsetDateTime.parse(parts[1]).toInstant();
            }
        }
        return Optional.of(new GitInfo(Path.of(top.get()), trimSlash(prefix), remote, lockCommit, lockTime));
    }

    /** The remote as https://host/path (no user, no password, no .git), for namespaces and facet URLs. */
    public Optional<URI> webUrl() {
        if (remote == null) {
            return Optional.empty();
        }
        String hostAndPath;
        Matcher scp = SCP_LIKE.matcher(remote);
        if (remote.contains("://")) {
            URI uri = URI.create(remote);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            hostAndPath = uri.getHost() + (uri.getPath() == null ? "" : uri.getPath());
        } else if (scp.matches()) {
            hostAndPath = scp.group(1) + "/" + scp.group(2);
        } else {
            return Optional.empty();
        }
        hostAndPath = trimSlash(hostAndPath);
        if (hostAndPath.endsWith(".git")) {
            hostAndPath = hostAndPath.substring(0, hostAndPath.length() - 4);
        }
        return Optional.of(URI.create("https://" + hostAndPath));
    }

    /** A remote URL may carry a token ({@code https://user:token@host/...}); lineage must never store it. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    private static String trimSlash(String s) {
        String r = s.trim();
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** Runs git in the directory; empty on any failure (not a repository, git missing, timeout). */
    static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-C");
        command.add(dir.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
