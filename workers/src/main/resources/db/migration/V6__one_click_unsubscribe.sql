-- One-click unsubscribe (RFC 8058): each customer's unguessable link token, made when their first
-- marketing mail is written, and the time of their last marketing consent change.
ALTER TABLE customers
    ADD COLUMN unsubscribe_token VARCHAR(64),
    ADD COLUMN marketing_consent_changed_at DATETIME(6),
    ADD CONSTRAINT uk_customers_unsubscribe_token UNIQUE (unsubscribe_token);

-- A marketing mail carries its recipient's token into the List-Unsubscribe headers; transactional mail has none.
ALTER TABLE notifications
    ADD COLUMN unsubscribe_token VARCHAR(64);
