-- When a customer's browsing of one product last started a browse-abandonment journey: at most one
-- start per product within nurture.events.browse-window, however the views arrive (late, repeated,
-- moved over from an anonymous visitor at once). A cart they fill while a start is recent tells the
-- journey that may be waiting. The customer id carries no foreign key, as in the other shop-event
-- tables (V25).
CREATE TABLE browse_starts (
    customer_id  VARCHAR(36)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, sku)
);
CREATE INDEX ix_browse_starts_customer ON browse_starts (customer_id, started_at);
