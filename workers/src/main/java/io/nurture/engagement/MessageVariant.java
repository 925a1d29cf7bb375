package io.nurture.engagement;

import java.math.BigDecimal;

/**
 * One variant of a message step, as the model lists it in the {@code variants} input of the step's
 * contact-policy call, e.g. {@code {name: "B", share: 0.5, template: "browse-reminder-picks"}}. The
 * first variant listed is the control the others are measured against.
 *
 * @param share       its part of the step's customers, in (0, 1]; the shares of a step add up to 1
 * @param template    the mail template it sends (a file {@code mail/<template>.mustache})
 * @param couponValue the coupon it offers where the step issues one; null for the step's own
 */
public record MessageVariant(String name, BigDecimal share, String template, BigDecimal couponValue) {

    /** The template a step sends: its variant's where it runs an experiment, else its own. */
    static String templateOf(MessageVariant variant, String stepTemplate) {
        return variant == null ? stepTemplate : variant.template();
    }

    /** The coupon a step issues: its variant's value where that sets one, else the step's own. */
    static BigDecimal couponOf(MessageVariant variant, BigDecimal stepValue) {
        return variant == null || variant.couponValue() == null ? stepValue : variant.couponValue();
    }
}
