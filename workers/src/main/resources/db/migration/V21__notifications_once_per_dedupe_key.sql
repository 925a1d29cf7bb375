-- A mail about an order goes once per order and template, or, where one order gets several of the
-- same kind (its goodwill refunds), once per dedupe key (the job or refund that asks for it).
ALTER TABLE notifications ADD COLUMN once_key VARCHAR(100) AS (COALESCE(dedupe_key, '')) PERSISTENT;
ALTER TABLE notifications ADD CONSTRAINT uk_notifications_once_per_key UNIQUE (order_id, template, audience, once_key);
ALTER TABLE notifications DROP INDEX uk_notifications_once;
