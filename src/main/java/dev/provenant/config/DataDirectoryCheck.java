package dev.provenant.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before anything starts, that the data directory can be created and written and that its disk
 * has room, so that a read-only mount or a full disk gives one clear sentence instead of a database
 * stack trace half-way through start-up.
 */
public final class DataDirectoryCheck {

    private DataDirectoryCheck() {}

    /** What is wrong with the data directory, or empty when it is usable. */
    public static Optional<String> problem(Path dataDir, long minFreeBytes) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot create the data directory " + dir + " (" + reason(e)
                    + "); set provenant.data-dir to a writable directory");
        }
        for (Path target : new Path[] {dir, dir.resolve("neo4j")}) {
            if (!Files.isDirectory(target)) {
                continue;
            }
            Path probe = target.resolve(".provenant-write-probe");
            try {
                Files.writeString(probe, "ok");
                Files.delete(probe);
            } catch (IOException | SecurityException e) {
                return Optional.of("cannot write to " + target + " (" + reason(e)
                        + "); the data directory must be writable");
            }
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < minFreeBytes) {
                return Optional.of("only " + free / (1024 * 1024) + " MiB free on the disk of " + dir + ", less than "
                        + minFreeBytes / (1024 * 1024) + " MiB (provenant.min-free-space); free some space first");
            }
        } catch (IOException e) {
            return Optional.of("cannot read the free space of " + dir + " (" + reason(e) + ")");
        }
        return Optional.empty();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
