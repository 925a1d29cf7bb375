-- When a row whose delivery failed may be tried again, on the database's clock: a backoff is a wait
-- in real time for the mail server or the engine to recover. On the business clock it never ended
-- while that clock stood still (the simulation holds it at noon for a simulated day).
ALTER TABLE engine_messages ADD COLUMN retry_at DATETIME(6) NULL;
ALTER TABLE notifications ADD COLUMN retry_at DATETIME(6) NULL;
-- A claim reads only the rows not waiting out a backoff: during a long outage that is the backlog.
CREATE INDEX ix_engine_messages_retry ON engine_messages (delivery, retry_at);
CREATE INDEX ix_notifications_retry ON notifications (delivery, retry_at);
