-- A parcel's booking is written before the carrier is called (status BOOKING, no tracking number
-- yet) and completed at the hand-over: a step that died between the carrier's answer and its commit
-- leaves the intent, which its retry completes under the same booking key, or the order's
-- cancellation cancels at the carrier (status CANCELLED).
ALTER TABLE shipments MODIFY tracking_number VARCHAR(64) NULL;
ALTER TABLE shipments MODIFY shipped_at DATETIME(6) NULL;
