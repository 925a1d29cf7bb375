/**
 * Stock: products with what can be promised and what is reserved. All lines of an order are
 * reserved together or not at all; a short order waits on a backorder until a restock, which
 * tells its process to try again.
 */
package io.nurture.inventory;
