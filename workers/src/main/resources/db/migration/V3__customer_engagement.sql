-- Post-purchase journeys and the customer lifecycle: stages with history, consent, surveys,
-- coupons, referrals, care cases and every engagement step taken or skipped.

ALTER TABLE customers
    ADD COLUMN stage VARCHAR(16) NOT NULL DEFAULT 'PROSPECT',
    ADD COLUMN marketing_consent BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN referred_by VARCHAR(36);

CREATE TABLE customer_stage_history (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  VARCHAR(36)  NOT NULL,
    from_stage   VARCHAR(16),
    to_stage     VARCHAR(16)  NOT NULL,
    at           DATETIME(6)  NOT NULL,
    cause        VARCHAR(200) NOT NULL,
    CONSTRAINT fk_stage_history_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_stage_history_customer ON customer_stage_history (customer_id, at);
CREATE INDEX ix_stage_history_at ON customer_stage_history (at);

ALTER TABLE orders
    ADD COLUMN discount DECIMAL(12,2) NOT NULL DEFAULT 0,
    ADD COLUMN coupon_code VARCHAR(32),
    ADD COLUMN referral_code VARCHAR(32),
    ADD COLUMN delivered_at DATETIME(6);

ALTER TABLE notifications
    ADD COLUMN category VARCHAR(16) NOT NULL DEFAULT 'TRANSACTIONAL',
    ADD COLUMN dedupe_key VARCHAR(100),
    ADD CONSTRAINT uk_notifications_dedupe UNIQUE (customer_id, dedupe_key);

CREATE TABLE engagement_steps (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  VARCHAR(36)  NOT NULL,
    order_id     VARCHAR(36),
    step         VARCHAR(32)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    reason       VARCHAR(100),
    at           DATETIME(6)  NOT NULL,
    step_key     VARCHAR(100) NOT NULL,
    CONSTRAINT fk_engagement_steps_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uk_engagement_steps UNIQUE (step_key)
);
CREATE INDEX ix_engagement_steps_customer ON engagement_steps (customer_id, at);

CREATE TABLE surveys (
    token        VARCHAR(64)  NOT NULL PRIMARY KEY,
    order_id     VARCHAR(36)  NOT NULL,
    customer_id  VARCHAR(36)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    score        INT,
    comment      VARCHAR(2000),
    sent_at      DATETIME(6)  NOT NULL,
    answered_at  DATETIME(6),
    CONSTRAINT fk_surveys_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT uk_surveys_order UNIQUE (order_id),
    CONSTRAINT ck_surveys_score CHECK (score IS NULL OR (score >= 0 AND score <= 10))
);
CREATE INDEX ix_surveys_customer ON surveys (customer_id);

CREATE TABLE coupons (
    code                VARCHAR(32)   NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(36)   NOT NULL,
    kind                VARCHAR(24)   NOT NULL,
    value               DECIMAL(12,2) NOT NULL,
    currency            VARCHAR(3)    NOT NULL,
    issued_at           DATETIME(6)   NOT NULL,
    expires_at          DATETIME(6)   NOT NULL,
    redeemed_at         DATETIME(6),
    redeemed_order_id   VARCHAR(36),
    issue_key           VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_coupons_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uk_coupons_issue UNIQUE (issue_key)
);
CREATE INDEX ix_coupons_customer ON coupons (customer_id);

CREATE TABLE referral_codes (
    code         VARCHAR(32)  NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(36)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_referral_codes_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uk_referral_codes_customer UNIQUE (customer_id)
);

CREATE TABLE care_cases (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(36)   NOT NULL,
    order_id     VARCHAR(36)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    score        INT           NOT NULL,
    opened_at    DATETIME(6)   NOT NULL,
    resolved_at  DATETIME(6),
    resolution   VARCHAR(1000),
    CONSTRAINT fk_care_cases_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uk_care_cases_order UNIQUE (order_id)
);
CREATE INDEX ix_care_cases_status ON care_cases (status);
