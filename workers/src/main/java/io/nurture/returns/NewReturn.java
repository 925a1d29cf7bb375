package io.nurture.returns;

import java.util.List;

/**
 * A return as asked for.
 *
 * @param requestFingerprint the request's digest under its Idempotency-Key, null without one
 */
public record NewReturn(String returnId, String orderId, Remedy remedy, String requestFingerprint, List<Line> lines) {

    public record Line(String sku, int quantity, ReturnReason reason, String comment) {}
}
