package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The place a customer gets in a journey: the same every time, spread evenly over [0, 1). */
class HoldoutsTest {

    @Test
    void aCustomerKeepsTheirPlaceInAJourneyAndMayHaveAnotherInTheNext() {
        String customer = "6f1c2a9e-1d7b-4c1e-9a50-3a0f4f1b2c3d";

        assertThat(Holdouts.bucket(customer, "customer-retention"))
                .isEqualTo(Holdouts.bucket(customer, "customer-retention"))
                .isNotEqualTo(Holdouts.bucket(customer, "post-purchase"));
    }

    @Test
    void aTenPercentShareHoldsOutAboutOneCustomerInTen() {
        long heldOut = IntStream.range(0, 20_000)
                .filter(i -> Holdouts.bucket(UUID.randomUUID().toString(), "customer-retention") < 0.1)
                .count();

        assertThat(heldOut / 20_000.0).isCloseTo(0.1, within(0.01));
    }
}
