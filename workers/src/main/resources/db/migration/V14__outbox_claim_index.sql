-- A dispatcher keeps its claims alive by their token: without an index that update scanned, and
-- locked, every row of the outbox while the business transactions were inserting into it.
CREATE INDEX ix_engine_messages_claim ON engine_messages (claimed_by);
CREATE INDEX ix_notifications_claim ON notifications (claimed_by);
