-- Who holds a claimed row, and until when, on the database's clock: one clock for every Nurture
-- instance, whatever their own clocks say. When a row is due stays on the app's business clock
-- (which clock control moves in local mode).
ALTER TABLE engine_messages ADD COLUMN lease_until DATETIME(6);
ALTER TABLE notifications ADD COLUMN lease_until DATETIME(6);
