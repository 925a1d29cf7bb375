-- When an order ends, the return it replaced items for is looked up and locked. Without an index
-- that locking read scanned every return, and waited on any return another step held locked.
CREATE INDEX ix_returns_replacement_order ON returns (replacement_order_id);
