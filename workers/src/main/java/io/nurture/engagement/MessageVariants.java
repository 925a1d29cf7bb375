package io.nurture.engagement;

import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which variant of a message step each customer gets: a fixed place in [0, 1) per customer and step
 * (the hash holdouts use, over other ids), laid over the variants' shares in the model's order, and
 * recorded per experiment for the experiments report. One variant with share 1 is how a promoted winner's template
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
     * The customer's variant of the step in the model's current list, recorded once per experiment
     * (the list, named by its hash): a job delivered twice, or a look-up again after the quiet hours,
     * records nothing new. A changed list is a new experiment, recorded beside the earlier one.
     */
    MessageVariant assign(String customerId, String journey, String journeyStep, List<MessageVariant> variants) {
        check(journeyStep, variants);
        int position = positionOf(place(customerId, journeyStep), variants);
        MessageVariant variant = variants.get(position);
        db.sql("INSERT IGNORE INTO message_variants (customer_id, journey_step, experiment, journey, variant,"
                        + " position, variant_count, template, coupon_value, assigned_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        customerId,
                        journeyStep,
                        experiment(variants),
                        journey,
                        variant.name(),
                        position,
                        variants.size(),
                        variant.template(),
                        variant.couponValue(),
                        UtcColumns.utc(clock.instant()))
                .update();
        return variant;
    }

    /** The experiment a list of variants makes: its names, shares, templates and coupons, hashed. */
    static String experiment(List<MessageVariant> variants) {
        StringBuilder list = new StringBuilder();
        for (MessageVariant variant : variants) {
            list.append(variant.name())
                    .append('|')
                    .append(variant.share().stripTrailingZeros().toPlainString())
                    .append('|')
                    .append(variant.template())
                    .append('|')
                    .append(
                            variant.couponValue() == null
                                    ? ""
                                    : variant.couponValue().stripTrailingZeros().toPlainString())
                    .append(';');
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(list.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            if (variant.couponValue() != null && variant.couponValue().signum() <= 0) {
                throw new InvalidVariantsException(
                        journeyStep, "variant " + variant.name() + " needs a coupon value above 0, or none");
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
