/**
 * Care cases: a detractor's case for staff, opened by service recovery and closed with an outcome
 * that goes back to the journey waiting for it.
 */
package io.nurture.carecase;
