package dev.provenant.dvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the git post-commit hook that runs {@code provenant-dvc emit} after every commit. The hook's
 * block is fenced by marker lines naming the pipeline directory: installing again replaces that block,
 * other content of an existing hook (and blocks for other pipelines of the same repository) is kept.
 * The block goes right after the shebang, so an {@code exit} later in an existing hook cannot skip it.
 * The API key is never written into the hook: it is read from a file or from PROVENANT_API_KEY.
 */
final class GitHook {

    private GitHook() {}

    /** Returns the hook file written. */
    static Path install(Path repo, List<String> emitCommand) {
        Path hooks = GitInfo.git(repo, "rev-parse", "--git-path", "hooks").map(p -> repo.resolve(p).normalize())
                .orElseThrow(() -> new DvcException(repo + " is not inside a git work tree"));
        Path hook = hooks.resolve("post-commit");
        String begin = "# >>> provenant-dvc " + repo + " >>>";
        String end = "# <<< provenant-dvc " + repo + " <<<";
        List<String> block = List.of(begin,
                "# Sends the DVC pipeline's lineage to Provenant (written by provenant-dvc install-hook; re-run it to change).",
                String.join(" ", emitCommand.stream().map(GitHook::quote).toList())
                        + " || echo 'provenant-dvc: lineage was not sent' >&2",
                end);
        try {
            Files.createDirectories(hooks);
            List<String> lines = Files.isRegularFile(hook) ? new ArrayList<>(Files.readAllLines(hook)) : new ArrayList<>();
            int from = lines.indexOf(begin);
            int to = lines.indexOf(end);
            if (from >= 0 && to > from) {
                lines.subList(from, to + 1).clear();
                lines.addAll(from, block);
            } else {
                if (lines.isEmpty() || !lines.get(0).startsWith("#!")) {
                    lines.add(0, "#!/bin/sh");
                }
                lines.addAll(1, block);
            }
            Files.writeString(hook, String.join("\n", lines) + "\n");
            try {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(hook));
                perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(hook, perms);
            } catch (UnsupportedOperationException e) {
                hook.toFile().setExecutable(true);
            }
            return hook;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Single-quoted for sh. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
