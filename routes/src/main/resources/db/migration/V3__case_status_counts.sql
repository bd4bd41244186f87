-- Cases by current status, kept by the transactions that add a case or change its status. Those hold
-- the log head's lock (LogChain.open), so these few rows add no contention and stay exact. The
-- Prometheus gauges read them instead of counting the cases by status on every scrape, a count that
-- grows with the log, which is never emptied of cases.
CREATE TABLE case_status_count (
    status VARCHAR(32) NOT NULL PRIMARY KEY,
    cases  BIGINT      NOT NULL
);
INSERT INTO case_status_count (status, cases) SELECT status, COUNT(*) FROM tracked_case GROUP BY status;
