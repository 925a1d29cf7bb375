-- Mail outbox: a step writes its message (rendered, addressed) with its own transaction; a
-- dispatcher hands it to the mail server afterwards and marks it delivered. Rows from before
-- this migration were sent synchronously and count as delivered.
ALTER TABLE notifications
    ADD COLUMN recipient       VARCHAR(320),
    ADD COLUMN body            TEXT,
    ADD COLUMN delivery        VARCHAR(16)  NOT NULL DEFAULT 'DELIVERED',
    ADD COLUMN attempts        INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at DATETIME(6),
    ADD COLUMN delivered_at    DATETIME(6),
    ADD COLUMN last_error      VARCHAR(400);
UPDATE notifications SET delivered_at = sent_at;
CREATE INDEX ix_notifications_due ON notifications (delivery, next_attempt_at);

-- Engine outbox: a message (an order's process start included) that follows a database change is
-- written in that change's transaction and published after it committed, retried until accepted;
-- delivered rows are deleted.
CREATE TABLE engine_messages (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_name    VARCHAR(100) NOT NULL,
    correlation_key VARCHAR(100) NOT NULL,
    message_id      VARCHAR(200),
    time_to_live_ms BIGINT       NOT NULL,
    variables       TEXT         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    delivery        VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(400)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE INDEX ix_engine_messages_due ON engine_messages (delivery, next_attempt_at);
-- Messages of one order (or customer) go out in the order they were written.
CREATE INDEX ix_engine_messages_key ON engine_messages (correlation_key, delivery, id);
