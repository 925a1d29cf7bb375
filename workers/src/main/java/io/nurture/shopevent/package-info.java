/**
 * Shop events: what a shop tells Nurture before an order (page views, carts, checkouts,
 * sign-ups), who the person is (an anonymous id until the shop learns the e-mail address), and
 * each cart's state. Raw events are kept for a while; carts stay.
 */
package io.nurture.shopevent;
