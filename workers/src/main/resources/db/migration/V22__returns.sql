-- Returns: a customer sends items of a delivered order back. A return's lines say what and why;
-- inspection fills in what was accepted and whether it can be sold again. The refund itself is a
-- payment (kind RETURN_REFUND, request_id the return's id) on the order's money ledger; a
-- replacement is an order of its own, with a total of zero.
CREATE TABLE returns (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id                VARCHAR(36)   NOT NULL,
    status                  VARCHAR(24)   NOT NULL,
    remedy                  VARCHAR(12)   NOT NULL,
    request_fingerprint     VARCHAR(64),
    shipping_paid_by        VARCHAR(8),
    restocking_fee_percent  DECIMAL(5,2),
    rejection_reason        VARCHAR(300),
    review_note             VARCHAR(500),
    inspection_note         VARCHAR(500),
    label_tracking_number   VARCHAR(20),
    accepted_value          DECIMAL(12,2),
    restocking_fee          DECIMAL(12,2),
    label_fee               DECIMAL(12,2),
    refund_id               VARCHAR(36),
    refund_amount           DECIMAL(12,2),
    replacement_order_id    VARCHAR(36),
    created_at              DATETIME(6)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_returns_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_returns_order ON returns (order_id, created_at);

CREATE TABLE return_lines (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    return_id  VARCHAR(36)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    quantity   INT          NOT NULL,
    reason     VARCHAR(20)  NOT NULL,
    comment    VARCHAR(500),
    accepted   INT,
    sellable   BOOLEAN,
    CONSTRAINT fk_return_lines_return FOREIGN KEY (return_id) REFERENCES returns (id),
    CONSTRAINT uk_return_lines UNIQUE (return_id, sku),
    CONSTRAINT ck_return_lines_quantity CHECK (quantity > 0 AND (accepted IS NULL OR accepted BETWEEN 0 AND quantity))
);

CREATE TABLE return_timeline (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    return_id  VARCHAR(36)  NOT NULL,
    at         DATETIME(6)  NOT NULL,
    status     VARCHAR(24)  NOT NULL,
    note       VARCHAR(500),
    CONSTRAINT fk_return_timeline_return FOREIGN KEY (return_id) REFERENCES returns (id)
);
CREATE INDEX ix_return_timeline_return ON return_timeline (return_id, at);

-- Shipping's side of a return: the carrier's label, by which the carrier's events find the return.
-- Written as an intent (no tracking number yet) before the carrier is called.
CREATE TABLE return_parcels (
    return_id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    order_id         VARCHAR(36)  NOT NULL,
    tracking_number  VARCHAR(20),
    booked_at        DATETIME(6)  NOT NULL,
    received_at      DATETIME(6),
    CONSTRAINT uk_return_parcels_tracking UNIQUE (tracking_number)
);

-- What a product is, for rules such as "tea and coffee come back only when wrong".
ALTER TABLE products ADD COLUMN category VARCHAR(16) NOT NULL DEFAULT 'EQUIPMENT';
UPDATE products SET category = 'FOOD' WHERE sku LIKE 'TEA-%' OR sku LIKE 'COF-%';
