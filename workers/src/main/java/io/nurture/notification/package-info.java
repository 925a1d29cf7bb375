/**
 * Mail: rendered from {@code classpath:mail/} templates, written to the mail outbox with the step
 * that sends it (once per order, template and audience, or per dedupe key) and delivered after
 * commit by the {@link io.nurture.notification.MailDispatcher}. It knows an order only as a
 * {@link io.nurture.notification.MailableOrder}, so the capabilities that mail do not form a cycle with it.
 */
package io.nurture.notification;
