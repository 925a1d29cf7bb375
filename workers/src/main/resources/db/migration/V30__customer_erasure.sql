-- Erasure of a customer's personal data (GDPR art. 17): the customer row stays, stripped of what
-- identifies the person, for their orders, money and the metrics; each erasure is recorded with
-- who asked and what changed (table and row counts), never with the data itself.
ALTER TABLE customers ADD COLUMN erased_at DATETIME(6) NULL;

CREATE TABLE erasures (
    customer_id  VARCHAR(36)    NOT NULL PRIMARY KEY,
    erased_at    DATETIME(6)    NOT NULL,
    erased_by    VARCHAR(64)    NOT NULL,
    changed      VARCHAR(2000)  NOT NULL,
    CONSTRAINT fk_erasures_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
