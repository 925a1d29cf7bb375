-- The order form, the unsubscribe link, staff and the journeys all write customers: a write made on
-- a stale read now fails on the version instead of restoring consent or a stage another just set.
ALTER TABLE customers ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
