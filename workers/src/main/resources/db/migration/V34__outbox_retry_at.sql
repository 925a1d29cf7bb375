-- When a row whose delivery failed may be tried again, on the database's clock: a backoff is a wait
-- in real time for the mail server or the engine to recover. On the business clock it never ended
-- while that clock stood still (the simulation holds it at noon for a simulated day).
ALTER TABLE engine_messages ADD COLUMN retry_at DATETIME(6) NULL;
ALTER TABLE notifications ADD COLUMN retry_at DATETIME(6) NULL;
