-- Experiments on message steps: the variant of a step each customer was given, fixed the first time
-- the contact policy looked at that step for them (a hash of the customer and step ids against the
-- shares the model sets) and read from then on, so a re-entered journey sends the same variant. The
-- experiments report joins it to the step's sent messages and the orders that followed.
CREATE TABLE message_variants (
    customer_id   VARCHAR(36)    NOT NULL,
    journey_step  VARCHAR(64)    NOT NULL,
    journey       VARCHAR(64)    NOT NULL,
    variant       VARCHAR(64)    NOT NULL,
    position      INT            NOT NULL,
    template      VARCHAR(64)    NOT NULL,
    coupon_value  DECIMAL(10, 2) NULL,
    assigned_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (customer_id, journey_step),
    CONSTRAINT fk_message_variants_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_message_variants_step ON message_variants (journey_step, variant);
