/**
 * Referral codes: one per advocate; an order placed with one credits its owner when it is delivered.
 */
package io.nurture.referral;
