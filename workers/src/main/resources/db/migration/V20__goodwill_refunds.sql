-- Goodwill refunds: staff give back part of what an order took, without a return. An order has
-- one charge, one invoice payment and one cancellation refund (request_id ''), and any number of
-- goodwill refunds, each with the id of the request that granted it.
ALTER TABLE payments
    ADD COLUMN request_id VARCHAR(36) NOT NULL DEFAULT '',
    ADD COLUMN reason     VARCHAR(200);

ALTER TABLE payments ADD CONSTRAINT uk_payments_request UNIQUE (order_id, kind, request_id);
ALTER TABLE payments DROP INDEX uk_payments;
