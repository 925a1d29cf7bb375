-- Restocks sent with an Idempotency-Key: a request sent again (a timeout, a double click) adds nothing more.
CREATE TABLE restocks (
    idempotency_key VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    sku             VARCHAR(64)  NOT NULL,
    quantity        INT          NOT NULL,
    restocked_at    DATETIME(6)  NOT NULL
);
