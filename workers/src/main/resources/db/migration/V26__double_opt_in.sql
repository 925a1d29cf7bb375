-- Double opt-in: a sign-up with consent asks the person to confirm by a link; consent holds only
-- once they did. Each request keeps when it was asked, from where (source), what the person was
-- shown (wording), and when they confirmed: the proof of consent.
CREATE TABLE consent_requests (
    token         VARCHAR(43)   NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(36)   NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    wording       VARCHAR(300)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    confirmed_at  DATETIME(6),
    CONSTRAINT fk_consent_requests_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_consent_requests_customer ON consent_requests (customer_id, confirmed_at);
