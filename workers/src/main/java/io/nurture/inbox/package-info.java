/**
 * The staff inbox's own records: who claimed an item and until when, who decided it and when, and
 * the daily digest to ops. What is waiting is read by {@code reporting}; the decisions themselves
 * are made by the capability that owns each item, through {@link io.nurture.inbox.StaffInbox#decide}.
 */
package io.nurture.inbox;
