-- Experiments on message steps: the variant of a step each customer was given in one experiment (a
-- list of variants as a model sets it, named by a hash of that list), placed the first time the
-- contact policy looked at that step for them (a hash of the customer and step ids against the
-- list's shares). A changed list is a new experiment: its customers are placed afresh and the
-- earlier experiment's record stays as it was. The experiments report joins it to the step's sent
-- messages and the orders that followed.
CREATE TABLE message_variants (
    customer_id    VARCHAR(36)    NOT NULL,
    journey_step   VARCHAR(64)    NOT NULL,
    experiment     CHAR(16)       NOT NULL,
    journey        VARCHAR(64)    NOT NULL,
    variant        VARCHAR(64)    NOT NULL,
    position       INT            NOT NULL,
    variant_count  INT            NOT NULL,
    template       VARCHAR(64)    NOT NULL,
    coupon_value   DECIMAL(10, 2) NULL,
    assigned_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (customer_id, journey_step, experiment),
    CONSTRAINT fk_message_variants_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_message_variants_experiment ON message_variants (journey_step, experiment);
