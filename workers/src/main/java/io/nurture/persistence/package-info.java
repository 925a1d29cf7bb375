/**
 * What entities share: ids assigned before insert (so a new entity is inserted, never merged) and
 * the short codes people type.
 */
package io.nurture.persistence;
