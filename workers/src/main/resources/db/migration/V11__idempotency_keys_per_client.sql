-- An Idempotency-Key is its API client's own and compared exactly: the stored key is
-- "<client> <key>" (a key has no spaces) in a binary collation. Keys stored before were compared
-- case-insensitively across clients; they are not found again by a retry after this change.
ALTER TABLE idempotency_keys
    MODIFY idempotency_key VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
