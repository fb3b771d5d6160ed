package dev.provenant.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code provenant.*} setting, documented in the README's configuration table. */
@ConfigMapping(prefix = "provenant")
public interface ProvenantConfig {

    /** Embedded database files, the generated admin token and other local state live here. */
    @WithDefault("./data")
    Path dataDir();

    /** Start-up is refused while the data directory's disk has less free space than this. */
    @WithDefault("100M")
    MemorySize minFreeSpace();

    Neo4j neo4j();

    Auth auth();

    Ingest ingest();

    Ml ml();

    Pii pii();

    Ui ui();

    interface Neo4j {
        /** Bolt URI of an external Neo4j; when absent an embedded database is started. */
        Optional<String> uri();

        @WithDefault("neo4j")
        String username();

        /** External: the password. Embedded: when set, Bolt authentication is switched on with it. */
        Optional<String> password();

        /** Embedded only: where Bolt listens so cypher-shell and Neo4j Browser can connect. */
        @WithDefault("7687")
        int boltPort();

        @WithDefault("127.0.0.1")
        String boltAddress();

        /** Embedded only: page cache size. */
        @WithDefault("512M")
        MemorySize pageCache();

        default boolean embedded() {
            return uri().filter(u -> !u.isBlank()).isEmpty();
        }
    }

    interface Auth {
        /** The admin bearer token; when unset one is generated into {@code <data-dir>/admin-token}. */
        Optional<String> adminToken();
    }

    interface Ingest {
        /** Largest accepted request body, checked before and after gunzip. */
        @WithDefault("32M")
        MemorySize maxBytes();

        /** Events waiting for the group-commit writer; past this, clients get 503 + Retry-After. */
        @WithDefault("10000")
        int queueCapacity();

        /** Bytes of parsed events waiting for the writer; the second bound on the queue. */
        @WithDefault("512M")
        MemorySize queueMaxBytes();

        /** Most events written in one Neo4j transaction. */
        @WithDefault("1000")
        int maxEventsPerCommit();

        /** Most items in one batch request. */
        @WithDefault("10000")
        int maxBatchItems();

        /** How long a request waits for its commit before it is answered 503. */
        @WithDefault("120s")
        Duration commitTimeout();
    }

    /**
     * Name rules that mark datasets as {@code :Model} or {@code :Feature} besides the {@code datasetType}
     * facet. Each rule is a Java regular expression that must match the whole string
     * {@code <namespace>/<name>}; commas separate rules (write {@code \,} for a comma inside one).
     */
    interface Ml {
        /** Serialised model files and paths with a {@code model/} or {@code models/} directory. */
        String DEFAULT_MODEL_PATTERNS =
                "(?i).*[.](pkl|pickle|joblib|onnx|pt|pth|h5|keras|safetensors),(?i)(.*/)?models?/.+";
        /** Paths or schemas named {@code feature_store} or {@code features}. */
        String DEFAULT_FEATURE_PATTERNS = "(?i)(.*[/.])?(feature_store|features)[/.].+";

        @WithDefault(DEFAULT_MODEL_PATTERNS)
        List<String> modelPatterns();

        @WithDefault(DEFAULT_FEATURE_PATTERNS)
        List<String> featurePatterns();
    }

    interface Pii {
        /** Name rules ("CATEGORY regex" lines, see docs/pii.md); the built-in rules when unset. */
        Optional<Path> nameRulesFile();

        /** Whether column names are used to guess personal data at all. */
        @WithDefault("true")
        boolean nameRulesEnabled();
    }

    interface Ui {
        /** A web sign-in session ends after this long without a request. */
        @WithDefault("2h")
        Duration sessionTimeout();
    }
}
