/**
 * What entities and queries share: ids assigned before insert (so a new entity is inserted, never
 * merged), the short codes people type, instants as the tables hold them, and quantities read by SKU.
 */
package io.nurture.persistence;
