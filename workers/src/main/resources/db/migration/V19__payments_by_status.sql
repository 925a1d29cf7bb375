-- The late-charge check (every minute) looks for void charges and unanswered refunds, and staff for
-- refunds owed: a few rows among every payment. Without an index each look read the whole table.
CREATE INDEX ix_payments_status_kind ON payments (status, kind);
