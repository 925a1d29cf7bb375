/**
 * Money: card charges through the {@link io.nurture.payment.PaymentGateway} port (the sandbox
 * adapter stands in for the provider), invoices with reminders, invoice payments booked the moment
 * they arrive, and refunds. Each effect is keyed by order, so a redelivered job pays or refunds once.
 */
package io.nurture.payment;
