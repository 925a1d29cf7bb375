/**
 * What entities and queries share: ids assigned before insert (so a new entity is inserted, never
 * merged), the short codes people type, and instants as the tables hold them.
 */
package io.nurture.persistence;
