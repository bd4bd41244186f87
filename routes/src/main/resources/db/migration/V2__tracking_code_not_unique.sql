-- A tracking code holds 40 bits per kind (TrackingCodes): among a million records of one kind, two
-- are about as likely as not to share a code. Under a unique constraint the second record's log
-- message was refused as bad data and parked on the dead-letter queue, so that record had neither a
-- log entry nor a case. Codes stay indexed, not unique; lookups by code tell the cases apart by the
-- reporter's number (SMS lookups) or by the reporting subscriber (status updates).
ALTER TABLE tracked_case DROP CONSTRAINT tracked_case_code;
CREATE INDEX tracked_case_tracking_code ON tracked_case (tracking_code);
