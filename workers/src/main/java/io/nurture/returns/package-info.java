/**
 * Returns: a customer sends items of a delivered order back. {@link io.nurture.returns.ReturnService}
 * takes the request (lines, quantities, reasons) and checks it against what was delivered and is not
 * already on its way back; {@code order-return.bpmn} and its eligibility table decide, and its
 * workers book the label, note the parcel, settle what inspection accepted (restock, refund through
 * the order's money ledger) and tell the customer each step.
 */
package io.nurture.returns;
