package io.nurture.engagement;

import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which variant of a message step each customer gets: a fixed place in [0, 1) per customer and step
 * (the hash holdouts use, over other ids), laid over the variants' shares in the model's order, and
 * recorded for the experiments report. One variant with share 1 is how a promoted winner's template
 * stays in the model. A model whose shares do not add up fails the job with a message that says so:
 * an incident for the analyst, not a silent default.
 */
@Component
public class MessageVariants {

    private static final BigDecimal WHOLE = BigDecimal.ONE;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.0001");

    private final JdbcClient db;
    private final Clock clock;

    MessageVariants(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The customer's variant of the step. It is recorded the first time and kept while the model's
     * experiment names it; a model that lists other variants (a new test, a promoted winner)
     * records the variant the customer's place falls on now.
     */
    MessageVariant assign(String customerId, String journey, String journeyStep, List<MessageVariant> variants) {
        check(journeyStep, variants);
        Optional<String> recorded = recorded(customerId, journeyStep);
        Optional<MessageVariant> kept = recorded.flatMap(name ->
                variants.stream().filter(variant -> variant.name().equals(name)).findFirst());
        if (kept.isPresent()) {
            return kept.get();
        }
        int position = positionOf(place(customerId, journeyStep), variants);
        MessageVariant variant = variants.get(position);
        db.sql("INSERT INTO message_variants (customer_id, journey_step, journey, variant, position, template,"
                        + " coupon_value, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE journey = VALUES(journey), variant = VALUES(variant),"
                        + " position = VALUES(position), template = VALUES(template),"
                        + " coupon_value = VALUES(coupon_value), assigned_at = VALUES(assigned_at)")
                .params(
                        customerId,
                        journeyStep,
                        journey,
                        variant.name(),
                        position,
                        variant.template(),
                        variant.couponValue(),
                        UtcColumns.utc(clock.instant()))
                .update();
        return variant;
    }

    private Optional<String> recorded(String customerId, String journeyStep) {
        return db.sql("SELECT variant FROM message_variants WHERE customer_id = ? AND journey_step = ?")
                .params(customerId, journeyStep)
                .query(String.class)
                .optional();
    }

    static double place(String customerId, String journeyStep) {
        return Holdouts.bucket(customerId, "variant|" + journeyStep);
    }

    static int positionOf(double place, List<MessageVariant> variants) {
        double upTo = 0;
        for (int position = 0; position < variants.size(); position++) {
            upTo += variants.get(position).share().doubleValue();
            if (place < upTo) {
                return position;
            }
        }
        return variants.size() - 1;
    }

    static void check(String journeyStep, List<MessageVariant> variants) {
        if (variants.isEmpty()) {
            throw new InvalidVariantsException(journeyStep, "list one variant at least");
        }
        Set<String> names = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (MessageVariant variant : variants) {
            if (variant.name() == null || variant.name().isBlank() || !names.add(variant.name())) {
                throw new InvalidVariantsException(journeyStep, "each variant needs a name of its own");
            }
            if (variant.template() == null || !variant.template().matches("[a-z0-9-]{1,64}")) {
                throw new InvalidVariantsException(
                        journeyStep, "variant " + variant.name() + " needs a template (a mail template's name)");
            }
            if (variant.share() == null || variant.share().signum() <= 0) {
                throw new InvalidVariantsException(journeyStep, "variant " + variant.name() + " needs a share above 0");
            }
            total = total.add(variant.share());
        }
        if (total.subtract(WHOLE).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidVariantsException(
                    journeyStep, "the variants' shares add up to " + total.stripTrailingZeros() + ", not 1");
        }
    }

    /** The model lists a step's variants in a way no customer can be placed in. */
    static final class InvalidVariantsException extends IllegalArgumentException {
        InvalidVariantsException(String journeyStep, String problem) {
            super("Variants of " + journeyStep + ": " + problem);
        }
    }
}
