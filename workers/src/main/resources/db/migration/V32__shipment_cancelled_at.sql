-- When a booking whose hand-over never committed was cancelled at the carrier: for a while after it
-- (nurture.shipping.late-booking-lookback) the carrier is asked to cancel it again, in case the
-- booking call was still under way then.
ALTER TABLE shipments ADD COLUMN cancelled_at DATETIME(6) NULL;
