package io.nurture.processes;

import java.util.List;

/** The BPMN and DMN resources this module ships, as classpath resource names. */
public final class Models {

    public static final List<String> RESOURCES = List.of(
            "contact-policy.bpmn",
            "contact-policy.dmn",
            "order-fulfillment.bpmn",
            "order-risk.dmn",
            "post-purchase.bpmn",
            "survey-follow-up.dmn",
            "customer-retention.bpmn",
            "customer-segment.dmn",
            "goodwill-refund.bpmn",
            "order-return.bpmn",
            "return-eligibility.dmn",
            "abandoned-checkout.bpmn",
            "cart-coupon.dmn",
            "welcome-series.bpmn",
            "browse-abandonment.bpmn");

    private Models() {}
}
