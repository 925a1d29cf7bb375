/**
 * Customers: who they are, their marketing consent, and their lifecycle stage (reach to advocate,
 * at risk, lapsed) with every stage change and its cause.
 */
package io.nurture.customer;
