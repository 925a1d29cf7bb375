-- Every change of a product's stock (a reservation, a release, a restock) moves its version: staff
-- set an absolute stock level only for the version they read (HTTP If-Match), so a level read
-- before a reservation can no longer overwrite it.
ALTER TABLE products ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
