-- When the customer left marketing through an unsubscribe or preferences link (null: never, or
-- opted back in): the contact policy skips their marketing as UNSUBSCRIBED, not as NO_MARKETING_CONSENT.
ALTER TABLE customers
    ADD COLUMN unsubscribed_at DATETIME(6);
