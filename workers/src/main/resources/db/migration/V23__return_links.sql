-- The unguessable part of the link in the delivery mail where the customer starts a return
-- themselves; set when the order is delivered.
ALTER TABLE orders ADD COLUMN return_token VARCHAR(43) NULL;
ALTER TABLE orders ADD CONSTRAINT uk_orders_return_token UNIQUE (return_token);
