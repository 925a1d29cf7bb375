-- Holdout groups: each customer's fixed place in each journey (0 <= bucket < 1, from a hash of the
-- customer and journey ids). A marketing step whose holdout share is above it sends that customer
-- nothing and records the skip as HOLDOUT. Stored, so it stays the same when the customer re-enters.
CREATE TABLE journey_holdouts (
    customer_id  VARCHAR(36)  NOT NULL,
    journey      VARCHAR(64)  NOT NULL,
    bucket       DOUBLE       NOT NULL,
    assigned_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, journey),
    CONSTRAINT fk_journey_holdouts_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
