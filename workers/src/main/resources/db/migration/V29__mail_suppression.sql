-- What the mail provider reported about delivery (bounces, complaints), once per provider and event
-- id, and the addresses no mail goes to any more. Both hold a SHA-256 hash of the address (lower
-- case, trimmed), never the address: a suppression must outlive the erasure of the customer it
-- came from, and an erased person's address must not stay behind in it.
CREATE TABLE mail_events (
    provider      VARCHAR(32)  NOT NULL,
    event_id      VARCHAR(128) NOT NULL,
    type          VARCHAR(16)  NOT NULL,
    address_hash  CHAR(64)     NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    received_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (provider, event_id)
);
CREATE INDEX ix_mail_events_address ON mail_events (address_hash, type, occurred_at);

-- One row per address ever suppressed; lifting keeps the row (who, when) and a new suppression
-- replaces both.
CREATE TABLE suppressions (
    address_hash   CHAR(64)     NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(36)  NULL,
    reason         VARCHAR(16)  NOT NULL,
    suppressed_at  DATETIME(6)  NOT NULL,
    lifted_at      DATETIME(6)  NULL,
    lifted_by      VARCHAR(64)  NULL
);
CREATE INDEX ix_suppressions_customer ON suppressions (customer_id);

-- Mailgun signs its timestamp and token but not the event: a token seen once is refused after, so a
-- captured signature cannot carry other events. Kept a day (far beyond the signatures' tolerance).
CREATE TABLE webhook_tokens (
    provider  VARCHAR(32)   NOT NULL,
    token     VARCHAR(128)  NOT NULL,
    seen_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (provider, token)
);
CREATE INDEX ix_webhook_tokens_seen ON webhook_tokens (seen_at);
