-- The staff inbox. A claim tells colleagues someone is on an item, until it lapses; a decision
-- says who decided an item and when, so a second person deciding it is told instead of refused
-- with a bare error. An item is one wait (see StaffWait) of one subject: an order, a return, a
-- care case or a refund.
CREATE TABLE inbox_claims (
    wait        VARCHAR(24)  NOT NULL,
    subject_id  VARCHAR(36)  NOT NULL,
    claimed_by  VARCHAR(64)  NOT NULL,
    claimed_at  DATETIME(6)  NOT NULL,
    lapses_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (wait, subject_id)
);

CREATE TABLE inbox_decisions (
    wait        VARCHAR(24)  NOT NULL,
    subject_id  VARCHAR(36)  NOT NULL,
    order_id    VARCHAR(36)  NOT NULL,
    decided_by  VARCHAR(64)  NOT NULL,
    decided_at  DATETIME(6)  NOT NULL,
    outcome     VARCHAR(200) NOT NULL,
    PRIMARY KEY (wait, subject_id)
);

-- One mail a day to ops about items close to their deadline, whichever app instance sends it.
CREATE TABLE inbox_digests (
    day      DATE        NOT NULL PRIMARY KEY,
    sent_at  DATETIME(6) NOT NULL,
    items    INT         NOT NULL
);

-- Which staff client made a change by hand; empty for what the processes did.
ALTER TABLE order_timeline ADD COLUMN decided_by VARCHAR(64);

-- Ops' daily digest is about the shop, not about one customer.
ALTER TABLE notifications MODIFY customer_id VARCHAR(36) NULL;

-- The inbox asks for returns by status on every visit.
CREATE INDEX ix_returns_status ON returns (status);
