-- The unguessable part of the link in the delivery mail where the customer starts a return
-- themselves; set when the order is delivered.
ALTER TABLE orders ADD COLUMN return_token VARCHAR(43) NULL;
ALTER TABLE orders ADD CONSTRAINT uk_orders_return_token UNIQUE (return_token);

-- A return's replacement is an order of its own, total zero, that names the order it replaces
-- items of: it is no new purchase (purchase counts, funnels and uplift leave it out).
ALTER TABLE orders ADD COLUMN replaces_order_id VARCHAR(36) NULL;
