package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which variant of a step a customer gets: fixed per customer and step, in the model's shares. */
class MessageVariantsTest {

    private static final List<MessageVariant> SEVENTY_THIRTY =
            List.of(variant("Still thinking", "0.7"), variant("Picked for you", "0.3"));

    @Test
    void customersAreSpreadOverTheVariantsInTheModelsShares() {
        Map<Integer, Long> byPosition = IntStream.range(0, 20_000)
                .mapToObj(i -> MessageVariants.positionOf(
                        MessageVariants.place("customer-" + i, "BROWSE_REMINDER"), SEVENTY_THIRTY))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(byPosition.get(0) / 20_000.0).isCloseTo(0.7, within(0.015));
        assertThat(byPosition.get(1) / 20_000.0).isCloseTo(0.3, within(0.015));
    }

    @Test
    void aCustomersVariantIsFixedPerStepAndIndependentOfTheirHoldoutPlace() {
        String customer = "6f1c2a9e-1d7b-4c1e-9a50-3a0f4f1b2c3d";

        assertThat(MessageVariants.place(customer, "BROWSE_REMINDER"))
                .isEqualTo(MessageVariants.place(customer, "BROWSE_REMINDER"))
                .isNotEqualTo(MessageVariants.place(customer, "CART_REMINDER_1"))
                .isNotEqualTo(Holdouts.bucket(customer, "BROWSE_REMINDER"));
    }

    @Test
    void aChangedListIsAnotherExperimentAndTheSameListTheSame() {
        List<MessageVariant> promoted = List.of(variant("Picked for you", "1"));
        List<MessageVariant> evenShares = List.of(variant("Still thinking", "0.50"), variant("Picked for you", "0.5"));

        assertThat(MessageVariants.experiment(SEVENTY_THIRTY))
                .hasSize(16)
                .isEqualTo(MessageVariants.experiment(List.copyOf(SEVENTY_THIRTY)))
                .isNotEqualTo(MessageVariants.experiment(promoted))
                .isNotEqualTo(MessageVariants.experiment(evenShares));
        assertThat(MessageVariants.experiment(evenShares))
                .as("0.50 is the share 0.5")
                .isEqualTo(MessageVariants.experiment(
                        List.of(variant("Still thinking", "0.5"), variant("Picked for you", "0.5"))));
    }

    @Test
    void sharesThatDoNotAddUpToOneAreRefusedNamingTheStep() {
        List<MessageVariant> tooLittle = List.of(variant("Still thinking", "0.5"), variant("Picked for you", "0.4"));

        assertThatThrownBy(() -> MessageVariants.check("BROWSE_REMINDER", tooLittle))
                .hasMessage("Variants of BROWSE_REMINDER: the variants' shares add up to 0.9, not 1");
    }

    @Test
    void aCouponOfNothingIsRefused() {
        List<MessageVariant> free = List.of(
                variant("Still thinking", "0.5"),
                new MessageVariant("No coupon", new BigDecimal("0.5"), "browse-reminder", BigDecimal.ZERO));

        assertThatThrownBy(() -> MessageVariants.check("WIN_BACK", free))
                .hasMessage("Variants of WIN_BACK: variant No coupon needs a coupon value above 0, or none");
    }

    @Test
    void twoVariantsOfOneNameAreRefused() {
        List<MessageVariant> twins = List.of(variant("Same", "0.5"), variant("Same", "0.5"));

        assertThatThrownBy(() -> MessageVariants.check("BROWSE_REMINDER", twins))
                .hasMessageContaining("each variant needs a name of its own");
    }

    @Test
    void aPromotedWinnerIsOneVariantWithTheWholeShare() {
        List<MessageVariant> promoted = List.of(variant("Picked for you", "1"));

        MessageVariants.check("BROWSE_REMINDER", promoted);
        assertThat(MessageVariants.positionOf(0.999, promoted)).isZero();
    }

    private static MessageVariant variant(String name, String share) {
        return new MessageVariant(name, new BigDecimal(share), "browse-reminder", null);
    }
}
