/**
 * Mail suppression: what the mail provider reports about delivery (hard and soft bounces,
 * complaints), and the addresses no mail goes to any more because of it. Addresses are held as
 * hashes only.
 */
package io.nurture.suppression;
