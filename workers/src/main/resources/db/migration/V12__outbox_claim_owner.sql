-- Which dispatcher's claim a row is under: only that claim may mark it delivered or failed, so a
-- dispatcher whose lease ran out can no longer turn a row another one delivered back into PENDING.
ALTER TABLE notifications ADD COLUMN claimed_by VARCHAR(36);
ALTER TABLE engine_messages ADD COLUMN claimed_by VARCHAR(36);
