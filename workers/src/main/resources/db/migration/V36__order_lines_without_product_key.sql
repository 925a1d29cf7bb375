-- An order line's insert checked its product through this key, under a shared lock on the product's
-- row: every placement waited for the reservations and hand-overs holding that row for update, the
-- stock steps of other orders for the same product. A customer's order prices every line from the
-- products in its own transaction and refuses an unknown one; a replacement order's lines are those
-- of the order it replaces; products are never deleted (docs/operations.md).
ALTER TABLE order_lines DROP FOREIGN KEY fk_order_lines_product;
