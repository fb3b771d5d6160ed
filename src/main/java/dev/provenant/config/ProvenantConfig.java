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

    Cypher cypher();

    Ml ml();

    Pii pii();

    Ui ui();

    Retention retention();

    AccessLog accessLog();

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

        /**
         * How long a token lookup is cached. A token revoked through another instance stops working
         * within this bound; on the instance that revoked it, at once.
         */
        @WithDefault("10s")
        Duration tokenCacheTtl();

        /** Failed authentications (a wrong, expired or revoked token) allowed per client address in a window. */
        @WithDefault("10")
        int maxFailures();

        /** The window of {@link #maxFailures()}; a client over the limit is answered 429 until it ends. */
        @WithDefault("1m")
        Duration failureWindow();
    }

    interface Retention {
        /** Raw event payloads received longer ago than this are pruned (the hash stays). Unset: kept forever. */
        Optional<Duration> eventPayloads();

        /** Runs that ended (or, unfinished, were last heard of) longer ago than this are deleted. Unset: kept forever. */
        Optional<Duration> runs();

        /** How often the prune runs. */
        @WithDefault("1h")
        Duration interval();
    }

    interface AccessLog {
        /** Entries waiting for the access-log writer; beyond it entries are dropped and counted. */
        @WithDefault("100000")
        int queueCapacity();

        /** Most entries written in one transaction. */
        @WithDefault("1000")
        int maxEntriesPerCommit();
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

    /** The analysts' Cypher endpoint, {@code POST /api/v1/cypher}. */
    interface Cypher {
        /** An analyst query is stopped (and answered 400 query_timeout) after this long. */
        @WithDefault("10s")
        Duration timeout();

        /** Rows returned at most; past this the answer is cut and says {@code truncated: true}. */
        @WithDefault("10000")
        int maxRows();
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

        /** Recompute every PII verdict in the background at start-up (rules may have changed, updates may be lost). */
        @WithDefault("true")
        boolean recomputeOnStart();
    }

    interface Ui {
        /** A web sign-in session ends after this long without a request. */
        @WithDefault("2h")
        Duration sessionTimeout();
    }
}
