-- Order fulfillment: customers, catalogue with stock, orders and their facts.
-- Money is DECIMAL(12,2) in the product's currency; every timestamp comes from the app's clock.

CREATE TABLE customers (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_customers_email UNIQUE (email)
);

CREATE TABLE products (
    sku         VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    price       DECIMAL(12,2) NOT NULL,
    currency    VARCHAR(3)       NOT NULL,
    available   INT           NOT NULL,
    reserved    INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_products_stock CHECK (available >= 0 AND reserved >= 0)
);

CREATE TABLE orders (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id       VARCHAR(36)   NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    total             DECIMAL(12,2) NOT NULL,
    currency          VARCHAR(3)       NOT NULL,
    payment_method    VARCHAR(16)   NOT NULL,
    card_token        VARCHAR(64),
    ship_line1        VARCHAR(200)  NOT NULL,
    ship_city         VARCHAR(100)  NOT NULL,
    ship_postal_code  VARCHAR(20)   NOT NULL,
    ship_country      VARCHAR(2)       NOT NULL,
    billing_country   VARCHAR(2)       NOT NULL,
    tracking_number   VARCHAR(64),
    cancellation_requested_at DATETIME(6),
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_status ON orders (status);

CREATE TABLE order_lines (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id    VARCHAR(36)   NOT NULL,
    line_no     INT           NOT NULL,
    sku         VARCHAR(64)   NOT NULL,
    quantity    INT           NOT NULL,
    unit_price  DECIMAL(12,2) NOT NULL,
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_order_lines_product FOREIGN KEY (sku) REFERENCES products (sku),
    CONSTRAINT uk_order_lines UNIQUE (order_id, line_no)
);

CREATE TABLE order_timeline (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id  VARCHAR(36)  NOT NULL,
    at        DATETIME(6)  NOT NULL,
    status    VARCHAR(32)  NOT NULL,
    note      VARCHAR(500),
    CONSTRAINT fk_order_timeline_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_order_timeline_order ON order_timeline (order_id, at);

CREATE TABLE idempotency_keys (
    idempotency_key  VARCHAR(255) NOT NULL PRIMARY KEY,
    request_hash     VARCHAR(64)     NOT NULL,
    order_id         VARCHAR(36)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_idempotency_keys_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

CREATE TABLE reservations (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id    VARCHAR(36)  NOT NULL,
    sku         VARCHAR(64)  NOT NULL,
    quantity    INT          NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_reservations_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT uk_reservations UNIQUE (order_id, sku)
);

CREATE TABLE payments (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id            VARCHAR(36)   NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    amount              DECIMAL(12,2) NOT NULL,
    currency            VARCHAR(3)       NOT NULL,
    provider_reference  VARCHAR(100),
    reference           VARCHAR(100),
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT uk_payments UNIQUE (order_id, kind)
);

CREATE TABLE shipments (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id         VARCHAR(36)  NOT NULL,
    tracking_number  VARCHAR(64)  NOT NULL,
    carrier          VARCHAR(32)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    shipped_at       DATETIME(6)  NOT NULL,
    delivered_at     DATETIME(6),
    CONSTRAINT fk_shipments_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT uk_shipments_order UNIQUE (order_id),
    CONSTRAINT uk_shipments_tracking UNIQUE (tracking_number)
);

CREATE TABLE shipment_events (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tracking_number  VARCHAR(64)  NOT NULL,
    type             VARCHAR(16)  NOT NULL,
    received_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_shipment_events UNIQUE (tracking_number, type)
);

CREATE TABLE notifications (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  VARCHAR(36)  NOT NULL,
    order_id     VARCHAR(36),
    audience     VARCHAR(16)  NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    template     VARCHAR(64)  NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    sent_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_notifications_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uk_notifications_once UNIQUE (order_id, template, audience)
);
CREATE INDEX ix_notifications_customer ON notifications (customer_id, sent_at);
