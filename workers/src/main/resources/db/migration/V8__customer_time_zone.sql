-- The customer's time zone (IANA id), for quiet hours: given on an order or by staff, otherwise
-- derived from the first order's shipping country (customer.TimeZones documents the rule).
ALTER TABLE customers
    ADD COLUMN time_zone VARCHAR(64);
