-- What the shop tells Nurture before an order: page views, carts, checkouts, sign-ups. Raw events
-- are kept for nurture.events.retention and then deleted; carts and visitors stay (a cart is the
-- abandoned-checkout journey's subject). A visitor is an anonymous id the shop keeps for a person
-- until it learns their e-mail address; from then on it points at the customer. A cart's
-- abandoned-checkout journey starts once (journey_started_at) when its checkout began and its
-- customer is known. The customer ids carry no foreign key: the order form and the events register
-- a customer in the same transaction that writes these rows, before Hibernate flushes the new
-- customer (flushing early changed the lock order of concurrent retries of one order: deadlocks).
CREATE TABLE shop_visitors (
    anonymous_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(36),
    first_seen_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_shop_visitors_customer ON shop_visitors (customer_id);

CREATE TABLE shop_events (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    type          VARCHAR(20)  NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    received_at   DATETIME(6)  NOT NULL,
    customer_id   VARCHAR(36),
    anonymous_id  VARCHAR(64),
    cart_id       VARCHAR(64),
    sku           VARCHAR(64)
);
CREATE INDEX ix_shop_events_customer ON shop_events (customer_id, occurred_at);
CREATE INDEX ix_shop_events_anonymous ON shop_events (anonymous_id);
CREATE INDEX ix_shop_events_received ON shop_events (received_at);

CREATE TABLE carts (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_id          VARCHAR(36),
    anonymous_id         VARCHAR(64),
    status               VARCHAR(16)   NOT NULL,
    cart_lines           TEXT          NOT NULL,
    items                INT           NOT NULL,
    last_event_at        DATETIME(6)   NOT NULL,
    checkout_started_at  DATETIME(6),
    journey_started_at   DATETIME(6),
    ordered_at           DATETIME(6)
);
CREATE INDEX ix_carts_customer ON carts (customer_id, status);
CREATE INDEX ix_carts_anonymous ON carts (anonymous_id);
