package dev.provenant.bench;

/**
 * One benchmark suite of {@code bench/run <suite>}. A new suite is one class in this package whose name
 * ends in {@code Suite}, with a no-argument constructor: {@link BenchMain} finds it by that name.
 */
public interface BenchSuite {

    /** The name given on the command line, e.g. {@code ingest}. */
    String name();

    /** Runs against a fresh Provenant it starts itself; never asserts on timings. */
    Report run(BenchContext context) throws Exception;
}
