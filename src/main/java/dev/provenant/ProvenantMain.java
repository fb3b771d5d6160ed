package dev.provenant;

import dev.provenant.config.DataDirectoryCheck;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.MemorySize;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Provenant. Problems a user must fix before anything can run (an unwritable data directory, a
 * full disk) are told in one line with exit code 74 instead of a stack trace from deep in start-up.
 */
@QuarkusMain
public final class ProvenantMain {

    /** EX_IOERR of sysexits.h: an input/output error the user has to resolve. */
    static final int EXIT_DATA_DIRECTORY = 74;

    private ProvenantMain() {}

    public static void main(String... args) {
        Config config = ConfigProvider.getConfig();
        Path dataDir = Path.of(config.getOptionalValue("provenant.data-dir", String.class).orElse("./data"));
        long minFree = config.getOptionalValue("provenant.min-free-space", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(100L * 1024 * 1024);
        Optional<String> problem = DataDirectoryCheck.problem(dataDir, minFree);
        if (problem.isPresent()) {
            System.err.println("Provenant cannot start: " + problem.get());
            System.exit(EXIT_DATA_DIRECTORY);
        }
        Quarkus.run(args);
    }
}
