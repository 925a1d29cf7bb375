package io.nurture.api;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that goes into a mail or label as one line (a name, an address line): a line break there
 * would let the sender write lines of their own into a mail Nurture sends. Null is left to other
 * constraints.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*")
public @interface OneLine {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "must be one line of text, without line breaks, tabs or other control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
