// Column lineage edges are looked up by the job that produced them (stale-edge sweep, job pages).
CREATE INDEX feeds_job IF NOT EXISTS FOR ()-[f:FEEDS]-() ON (f.jobNamespace, f.jobName)
