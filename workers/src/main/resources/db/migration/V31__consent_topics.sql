-- Consent by topic, with proof. Marketing consent (customers.marketing_consent) is the master switch;
-- a topic holds while it does, unless the customer left that topic (a row here with granted false).
-- Every change of either is kept in consent_changes: what, granted or withdrawn, when, how (source),
-- the wording the person saw, and the staff client for a change staff made. No personal data. No
-- foreign key to customers, as in V25: the order form records consent before the customer it
-- registers is flushed, and flushing early changes the lock order of concurrent retries of one
-- order (deadlocks).
CREATE TABLE consent_topics (
    customer_id  VARCHAR(36)  NOT NULL,
    topic        VARCHAR(32)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, topic)
);

CREATE TABLE consent_changes (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  VARCHAR(36)   NOT NULL,
    topic        VARCHAR(32)   NULL,
    granted      BOOLEAN       NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    wording      VARCHAR(300)  NOT NULL,
    changed_at   DATETIME(6)   NOT NULL,
    changed_by   VARCHAR(64)   NULL
);
CREATE INDEX ix_consent_changes_customer ON consent_changes (customer_id, changed_at);
