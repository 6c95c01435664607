-- The console reads a client's audit records (its flow timeline, its tokens issued) by CLIENT_ID: an index, as the
-- other tables' CLIENT_ID columns have, so those reads never scan the whole trail.
CREATE INDEX IX_AUDIT_RECORD_CLIENT ON AUDIT_RECORD (CLIENT_ID);
