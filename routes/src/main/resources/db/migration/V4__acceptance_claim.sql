-- One row per record id being accepted, taken before the record is published: exactly one request
-- (of any gateway instance sharing this database) publishes a record id, the others wait for its
-- outcome. CLAIMED while the publisher's broker transaction runs, PUBLISHED once the broker has the
-- record: from then on the tracking code is known to every door, before the asynchronous log writer
-- has stored the case. The writer deletes the row in the transaction that inserts the case. A
-- CLAIMED row older than the send timeout belongs to a request that died: another may take it over
-- (the broker's duplicate-id cache then tells whether the record did reach the queues).
CREATE TABLE acceptance_claim (
    record_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    tracking_code VARCHAR(16)  NOT NULL,
    record_type   VARCHAR(20)  NOT NULL,
    kind          VARCHAR(20),
    source_id     VARCHAR(64)  NOT NULL,
    channel       VARCHAR(20),
    reporter_key  VARCHAR(64),
    accepted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    state         VARCHAR(10)  NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    token         VARCHAR(36)  NOT NULL
);
CREATE INDEX acceptance_claim_code ON acceptance_claim (tracking_code);
