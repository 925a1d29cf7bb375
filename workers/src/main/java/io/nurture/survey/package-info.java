/**
 * Satisfaction surveys: one per delivered order, answered once through its token link; the answer
 * goes to the order's post-purchase journey.
 */
package io.nurture.survey;
