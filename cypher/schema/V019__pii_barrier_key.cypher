// One barrier per job.
CREATE CONSTRAINT pii_barrier_key IF NOT EXISTS FOR (b:PiiBarrier) REQUIRE (b.namespace, b.name) IS UNIQUE
