-- Every movement of money is written before the provider is called (PENDING, with the key the
-- provider knows it by) and completed after its answer. A refund of an invoice payment is OWED
-- until staff pay it out and settle it with their bank reference.
ALTER TABLE payments
    ADD COLUMN idempotency_key VARCHAR(100),
    ADD COLUMN completed_at    DATETIME(6),
    ADD COLUMN settled_by      VARCHAR(100);

UPDATE payments SET completed_at = created_at;

-- The sandbox payment provider's own books, kept as a real provider keeps them: by idempotency
-- key, in their own transaction, whatever happens to Nurture's afterwards.
CREATE TABLE sandbox_provider_ledger (
    idempotency_key     VARCHAR(100)  NOT NULL PRIMARY KEY,
    operation           VARCHAR(16)   NOT NULL,
    approved            BOOLEAN       NOT NULL,
    amount              DECIMAL(12,2) NOT NULL,
    currency            VARCHAR(3)    NOT NULL,
    provider_reference  VARCHAR(100)  NOT NULL,
    decline_reason      VARCHAR(100),
    created_at          DATETIME(6)   NOT NULL
);
