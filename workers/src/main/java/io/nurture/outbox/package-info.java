/**
 * The outbox mechanics the mail dispatcher and the engine relay share: claiming due rows with a
 * lease, retrying with backoff, giving up after a while, and the metrics ops watch.
 */
package io.nurture.outbox;
