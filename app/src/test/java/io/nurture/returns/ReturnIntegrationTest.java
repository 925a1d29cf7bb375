package io.nurture.returns;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.with;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.shipping.CarrierFaults;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.HeldRow;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Returns through the API, as a shop and its staff run them: request, label, parcel back,
 * inspection, refund (card and invoice); refused by the table or by staff; damaged without a parcel;
 * never sent back. After each, the order's books balance.
 */
@NurtureIntegrationTest
class ReturnIntegrationTest {

    /** A kettle (79.00): equipment, returned for a change of mind. */
    private static final String KETTLE = "KET-GOOSENECK";
    /** Tea infusers (6.90 each). */
    private static final String INFUSER = "INF-STEEL";
    /** Rooibos tea (9.80): food. */
    private static final String TEA = "TEA-ROOIBOS-100";
    /** Where the label step's injected crash is armed for: no other test ships there. */
    private static final String LABEL_CRASH_POSTAL_CODE = "55501";
    /** The sandbox carrier's test postal code for an outage of return labels only. */
    private static final String SANDBOX_RETURN_LABEL_OUTAGE = "99998";
    /** A coffee grinder (149.00): four are worth more than 500. */
    private static final String GRINDER = "GRN-BURR";

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Autowired
    Tables tables;

    @Autowired
    Mailbox mailbox;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    CarrierFaults carrier;

    @Autowired
    CouponService coupons;

    @Autowired
    DataSource dataSource;

    private final Instant since = Instant.now().minusSeconds(60);
    private final Map<String, Integer> stockFound = new HashMap<>();

    /** Other tests in this context sell these products out on purpose; these put back what they found. */
    @BeforeEach
    void stockUp() {
        for (String sku : List.of(KETTLE, INFUSER, TEA, GRINDER)) {
            stockFound.put(sku, shop.available(sku));
            shop.setStock(sku, 100);
        }
    }

    @AfterEach
    void putBackTheStockFound() {
        stockFound.forEach(shop::setStock);
    }

    @Test
    void aCardReturnGoesFromRequestToLabelToInspectionToARefundOnTheCard() {
        String email = newCustomerEmail();
        String orderId = delivered(email, KETTLE, 1, card("tok_visa"));
        String key = "return-" + orderId;

        NurtureClient.Answer asked = requestReturn(orderId, key, line(KETTLE, 1, "CHANGED_MIND"));
        NurtureClient.Answer again = requestReturn(orderId, key, line(KETTLE, 1, "CHANGED_MIND"));
        String returnId = asked.text("returnId");
        String label = awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText();
        parcelBack(label);
        awaitReturn(returnId, "RECEIVED");
        int stockBefore = shop.available(KETTLE);
        inspect(returnId, List.of(Map.of("sku", KETTLE, "accepted", 1, "sellable", true)), "Unused, in its box");
        JsonNode refunded = awaitReturn(returnId, "REFUNDED");

        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
        assertThat(again.text("returnId")).isEqualTo(returnId);
        assertThat(label).startsWith("SBX");
        assertThat(refunded.path("decision").path("labelPaidBy").asText()).isEqualTo("CUSTOMER");
        assertThat(refunded.path("settlement").path("acceptedValue").decimalValue())
                .isEqualByComparingTo("79.00");
        assertThat(refunded.path("settlement").path("labelFee").decimalValue()).isEqualByComparingTo("5.90");
        assertThat(refunded.path("settlement").path("refundAmount").decimalValue())
                .isEqualByComparingTo("73.10");
        assertThat(refunded.path("timeline").findValuesAsText("status"))
                .containsExactly("REQUESTED", "AWAITING_PARCEL", "RECEIVED", "INSPECTED", "REFUNDING", "REFUNDED");
        JsonNode refund = api.get("/api/refunds/"
                        + refunded.path("settlement").path("refundId").asText())
                .body();
        assertThat(refund.path("kind").asText()).isEqualTo("RETURN_REFUND");
        assertThat(refund.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(shop.available(KETTLE)).isEqualTo(stockBefore + 1);
        JsonNode order = api.get("/api/orders/" + orderId).body();
        assertThat(order.path("returns").findValuesAsText("returnId")).containsExactly(returnId);
        assertThat(order.path("status").asText()).as("every item came back").isEqualTo("RETURNED");
        assertThat(mailbox.subjectsFor(email))
                .containsOnlyOnce(
                        "We have your return request for order " + orderId,
                        "Your return label for order " + orderId,
                        "Your return for order " + orderId + " has arrived",
                        "We are refunding 73.10 EUR for your return");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void anInvoiceReturnRefundsWhatInspectionAcceptedAndIsOwedUntilStaffPayIt() {
        String orderId = delivered(newCustomerEmail(), INFUSER, 2, invoice());

        String returnId = requestReturn(orderId, line(INFUSER, 2, "WRONG_ITEM")).text("returnId");
        parcelBack(awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText());
        awaitReturn(returnId, "RECEIVED");
        int stockBefore = shop.available(INFUSER);
        inspect(returnId, List.of(Map.of("sku", INFUSER, "accepted", 1, "sellable", true)), "One was used");
        JsonNode refunded = awaitReturn(returnId, "REFUNDED");
        String refundId = refunded.path("settlement").path("refundId").asText();

        assertThat(refunded.path("decision").path("labelPaidBy").asText()).isEqualTo("SHOP");
        assertThat(refunded.path("settlement").path("refundAmount").decimalValue())
                .isEqualByComparingTo("6.90");
        assertThat(refunded.path("lines").get(0).path("accepted").asInt()).isEqualTo(1);
        assertThat(api.get("/api/orders/" + orderId).text("status"))
                .as("one infuser kept")
                .isEqualTo("DELIVERED");
        assertThat(shop.available(INFUSER)).isEqualTo(stockBefore + 1);
        assertThat(api.get("/api/refunds/" + refundId).text("status")).isEqualTo("OWED");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
        api.post("/api/refunds/" + refundId + "/settlement", Map.of("bankReference", "TRANSFER-RETURN-1"));
        assertThat(api.get("/api/refunds/" + refundId).text("status")).isEqualTo("REFUNDED");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aDamagedDeliveryIsRefundedAtOnceWithoutAParcelAndNothingGoesBackIntoStock() {
        String orderId = delivered(newCustomerEmail(), TEA, 2, card("tok_visa"));
        int stockBefore = shop.available(TEA);
        JsonNode figuresBefore = returnFigures();

        String returnId = requestReturn(orderId, line(TEA, 1, "DAMAGED")).text("returnId");
        JsonNode refunded = awaitReturn(returnId, "REFUNDED");
        JsonNode figures = returnFigures();

        assertThat(refunded.path("labelTrackingNumber").isNull()).isTrue();
        assertThat(refunded.path("settlement").path("refundAmount").decimalValue())
                .isEqualByComparingTo("9.80");
        assertThat(refunded.path("lines").get(0).path("sellable").asBoolean()).isFalse();
        assertThat(shop.available(TEA)).isEqualTo(stockBefore);
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
        assertThat(figures.path("requested").asLong())
                .isEqualTo(figuresBefore.path("requested").asLong() + 1);
        assertThat(figures.path("refunds").asLong())
                .isEqualTo(figuresBefore.path("refunds").asLong() + 1);
        assertThat(figures.path("refunded").decimalValue())
                .isEqualByComparingTo(
                        figuresBefore.path("refunded").decimalValue().add(new BigDecimal("9.80")));
        assertThat(figures.path("unitsByReason").path("DAMAGED").asLong())
                .isEqualTo(figuresBefore.path("unitsByReason").path("DAMAGED").asLong() + 1);
        assertThat(figures.path("medianHoursToRefund").isNumber()).isTrue();
    }

    /** 3 × 9.80 less a 5.00 coupon is 24.40: a third of it is 8.13 and a cent more. */
    @Test
    void aCouponOrderReturnedItemByItemGivesBackEveryCentItTook() {
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(shop.order(email, TEA, 1, card("tok_visa"))));
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(Coupon.SERVICE_RECOVERY, new BigDecimal("5.00"), "EUR", Duration.ofDays(30)),
                "test-" + UUID.randomUUID());
        String orderId = shop.place(with(shop.order(email, TEA, 3, card("tok_visa")), "couponCode", coupon.getCode()));
        shop.deliver(orderId);

        BigDecimal refunded = BigDecimal.ZERO;
        for (int item = 0; item < 3; item++) {
            String returnId = requestReturn(orderId, line(TEA, 1, "DAMAGED")).text("returnId");
            refunded = refunded.add(awaitReturn(returnId, "REFUNDED")
                    .path("settlement")
                    .path("refundAmount")
                    .decimalValue());
        }

        assertThat(refunded).isEqualByComparingTo("24.40");
        assertThat(new BigDecimal(shop.awaitStatus(orderId, "RETURNED").text("total")))
                .isEqualByComparingTo("24.40");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aCouponOrdersLaterReturnSettlingFirstTakesItsShareAndTheEarlierOneTheRest() {
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(shop.order(email, INFUSER, 1, card("tok_visa"))));
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(Coupon.SERVICE_RECOVERY, new BigDecimal("5.00"), "EUR", Duration.ofDays(30)),
                "test-" + UUID.randomUUID());
        String orderId =
                shop.place(with(shop.order(email, INFUSER, 3, card("tok_visa")), "couponCode", coupon.getCode()));
        shop.deliver(orderId);
        BigDecimal total = new BigDecimal(api.get("/api/orders/" + orderId).text("total"));
        String earlier = requestReturn(orderId, line(INFUSER, 1, "WRONG_ITEM")).text("returnId");
        String label = awaitReturn(earlier, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText();

        BigDecimal laterRefund = awaitReturn(
                        requestReturn(orderId, line(INFUSER, 2, "DAMAGED")).text("returnId"), "REFUNDED")
                .path("settlement")
                .path("refundAmount")
                .decimalValue();
        parcelBack(label);
        awaitReturn(earlier, "RECEIVED");
        inspect(earlier, List.of(Map.of("sku", INFUSER, "accepted", 1, "sellable", true)), "Unused");
        BigDecimal earlierRefund = awaitReturn(earlier, "REFUNDED")
                .path("settlement")
                .path("refundAmount")
                .decimalValue();

        assertThat(laterRefund)
                .as("two of three items, settled while the other return was open: its share, not the rest")
                .isLessThan(total)
                .isGreaterThan(earlierRefund);
        assertThat(earlierRefund.add(laterRefund)).isEqualByComparingTo(total);
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    /** Every return the shared database holds: the clock may have been moved by other tests. */
    private JsonNode returnFigures() {
        return api.get("/api/metrics/returns?from=2000-01-01&to=2100-01-01").body();
    }

    @Test
    void aReviewLeftUnansweredForThreeDaysIsApprovedAndAStaffRefusalAfterwardsIsRefused() {
        String orderId = delivered(newCustomerEmail(), GRINDER, 4, card("tok_visa"));
        String returnId =
                requestReturn(orderId, line(GRINDER, 4, "CHANGED_MIND")).text("returnId");
        awaitReturn(returnId, "IN_REVIEW");
        // The status is written by the step before the wait: the review's 3 days start once the engine is there.
        engineRecords.awaitWaitingAt(orderId, "StaffReviewTask");

        shop.advanceClock("P3DT1H");
        awaitReturn(returnId, "AWAITING_PARCEL");
        NurtureClient.Answer tooLate = api.post(
                "/api/returns/" + returnId + "/review", Map.of("approved", false, "note", "Too late to say no"));

        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(api.get("/api/returns/" + returnId)
                        .body()
                        .path("decision")
                        .path("rejectionReason")
                        .isNull())
                .isTrue();
    }

    @Test
    void aDamagedItemAskedToBeReplacedShipsAgainAsAFreeOrderAndNothingIsRefunded() {
        String email = newCustomerEmail();
        String orderId = delivered(email, INFUSER, 1, card("tok_visa"));

        JsonNode replaced = awaitReturn(askReplacement(orderId, line(INFUSER, 1, "DAMAGED")), "REPLACED");
        String replacementId = replaced.path("replacementOrderId").asText();
        NurtureClient.Answer replacement = shop.awaitStatus(replacementId, "SHIPPED");

        assertThat(replaced.path("remedy").asText()).isEqualTo("REPLACEMENT");
        assertThat(replaced.path("settlement").path("refundAmount").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(replacement.body().path("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(replacement.text("customerId"))
                .isEqualTo(api.get("/api/orders/" + orderId).text("customerId"));
        assertThat(replacement.body().path("lines").findValuesAsText("sku")).containsExactly(INFUSER);
        assertThat(replacement.body().path("timeline").findValuesAsText("note"))
                .contains("Replaces returned items of order " + orderId);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("DELIVERED");
        assertThat(mailbox.subjectsFor(email)).contains("We are sending you a replacement for order " + orderId);
        assertThat(mailbox.bodiesFor(email))
                .anyMatch(body -> body.contains("There is nothing to pay for order " + replacementId));
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
        assertThat(shop.moneyViolationsOf(replacementId, since)).isEmpty();
        String customerId = shop.deliver(replacementId);
        assertThat(api.get("/api/customers/" + customerId).body().path("orders").asLong())
                .as("the replacement is no second purchase")
                .isEqualTo(1);
    }

    @Test
    void aReplacementCancelledBeforeItShipsGivesTheCustomerTheirMoneyBack() {
        String email = newCustomerEmail();
        String orderId = delivered(email, INFUSER, 1, card("tok_visa"));
        shop.setStock(INFUSER, 0);
        String returnId = askReplacement(orderId, line(INFUSER, 1, "DAMAGED"));
        String replacementId = replacementOrderOf(returnId);
        shop.awaitStatus(replacementId, "BACKORDERED");

        NurtureClient.Answer cancelled = api.post("/api/orders/" + replacementId + "/cancellation", "");
        shop.awaitStatus(replacementId, "CANCELLED");

        assertThat(cancelled.status()).as(cancelled.body().toString()).isLessThan(300);
        String worth = api.get("/api/returns/" + returnId)
                .body()
                .path("settlement")
                .path("acceptedValue")
                .decimalValue()
                .setScale(2)
                .toPlainString();
        JsonNode refund = await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/orders/" + orderId)
                                .body()
                                .path("payment")
                                .path("refunds"),
                        refunds -> refunds.size() == 1
                                && "REFUNDED"
                                        .equals(refunds.get(0).path("status").asText()))
                .get(0);
        assertThat(refund.path("amount").decimalValue())
                .isEqualByComparingTo(worth)
                .isPositive();
        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor(email)
                        .contains("We are giving you " + worth + " EUR back for order " + orderId));
        assertThat(api.get("/api/returns/" + returnId).body().path("timeline").findValuesAsText("note"))
                .contains("Replacement order " + replacementId + " cancelled before it shipped: refunded " + worth
                        + " EUR");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    /**
     * Every order that ends asks whether it replaced a return's items, with a locking read by
     * replacement order. Without its index (V35) that read scanned every return and waited on any
     * return another step held, here for good.
     */
    @Test
    void anOrderEndsWhileAReturnItHasNothingToDoWithIsHeldByItsStep() throws Exception {
        String returned = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String returnId =
                requestReturn(returned, line(INFUSER, 1, "CHANGED_MIND")).text("returnId");
        String unpaid = shop.place(shop.order(newCustomerEmail(), TEA, 1, invoice()));
        shop.awaitStatus(unpaid, "AWAITING_PAYMENT");

        try (HeldRow returnStep = HeldRow.of(dataSource, "returns", "id", returnId)) {
            NurtureClient.Answer cancelled = api.post("/api/orders/" + unpaid + "/cancellation", "");

            assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(202);
            shop.awaitStatus(unpaid, "CANCELLED");
        }
    }

    @Test
    void aCancelledReplacementGivesBackWhatARefundWouldHaveKeepingTheLabelTheCustomerPays() {
        String orderId = delivered(newCustomerEmail(), KETTLE, 1, card("tok_visa"));
        String returnId = askReplacement(orderId, line(KETTLE, 1, "CHANGED_MIND"));
        parcelBack(awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText());
        awaitReturn(returnId, "RECEIVED");
        shop.setStock(KETTLE, 0);
        inspect(returnId, List.of(Map.of("sku", KETTLE, "accepted", 1, "sellable", false)), "Unused");
        JsonNode replaced = awaitReturn(returnId, "REPLACED");
        String replacementId = replaced.path("replacementOrderId").asText();
        shop.awaitStatus(replacementId, "BACKORDERED");

        api.post("/api/orders/" + replacementId + "/cancellation", "");

        JsonNode refund = await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/orders/" + orderId)
                                .body()
                                .path("payment")
                                .path("refunds"),
                        refunds -> refunds.size() == 1)
                .get(0);
        assertThat(refund.path("amount").decimalValue())
                .as("the kettle's value less the return label the customer pays (5.90)")
                .isEqualByComparingTo(replaced.path("settlement")
                        .path("acceptedValue")
                        .decimalValue()
                        .subtract(new BigDecimal("5.90")));
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aCancelledReplacementOfAReplacementAsksOpsToSettleItWithTheCustomer() {
        String orderId = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String first = replacementOrderOf(askReplacement(orderId, line(INFUSER, 1, "DAMAGED")));
        shop.deliver(first);
        shop.setStock(INFUSER, 0);
        String returnId = askReplacement(first, line(INFUSER, 1, "DAMAGED"));
        String second = replacementOrderOf(returnId);
        shop.awaitStatus(second, "BACKORDERED");

        api.post("/api/orders/" + second + "/cancellation", "");

        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor("ops@nurture.example")
                        .contains("Replacement for return " + returnId + " of order " + first
                                + " did not ship: settle it with the customer"));
        assertThat(api.get("/api/returns/" + returnId).body().path("timeline").findValuesAsText("note"))
                .contains("Replacement order " + second + " cancelled before it shipped: nothing on order " + first
                        + " to refund; ops asked");
        assertThat(api.get("/api/orders/" + orderId).body().path("payment").path("refunds"))
                .isEmpty();
    }

    @Test
    void aRefundForAReplacementIsRefusedNamingTheRemedyAndLeavesNothingBehind() {
        String orderId = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String replacementId = replacementOrderOf(askReplacement(orderId, line(INFUSER, 1, "DAMAGED")));
        shop.deliver(replacementId);

        NurtureClient.Answer refund = requestReturn(replacementId, line(INFUSER, 1, "DAMAGED"));

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.body().findValuesAsText("field")).containsExactly("remedy");
        assertThat(api.get("/api/orders/" + replacementId)
                        .body()
                        .path("returns")
                        .findValuesAsText("returnId"))
                .isEmpty();
    }

    @Test
    void teaReturnedForAChangeOfMindIsRefusedWithTheReasonTheCustomerReads() {
        String email = newCustomerEmail();
        String orderId = delivered(email, TEA, 1, card("tok_visa"));

        String returnId = requestReturn(orderId, line(TEA, 1, "CHANGED_MIND")).text("returnId");
        JsonNode refused = awaitReturn(returnId, "REJECTED");

        assertThat(refused.path("decision").path("rejectionReason").asText()).contains("Tea and coffee");
        assertThat(mailbox.subjectsFor(email)).contains("We cannot take back the items of order " + orderId);
        assertThat(mailbox.bodiesFor(email)).anyMatch(body -> body.contains("Tea and coffee cannot be returned"));
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aReturnStaffReviewAndRefuseIsRefusedWithTheirReason() {
        String email = newCustomerEmail();
        String orderId = delivered(email, GRINDER, 4, card("tok_visa"));

        String returnId =
                requestReturn(orderId, line(GRINDER, 4, "CHANGED_MIND")).text("returnId");
        awaitReturn(returnId, "IN_REVIEW");
        NurtureClient.Answer withoutNote = api.post("/api/returns/" + returnId + "/review", Map.of("approved", false));
        NurtureClient.Answer refused = api.post(
                "/api/returns/" + returnId + "/review", Map.of("approved", false, "note", "Grinders show use"));
        NurtureClient.Answer twice = api.post("/api/returns/" + returnId + "/review", Map.of("approved", true));
        JsonNode rejected = awaitReturn(returnId, "REJECTED");

        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.body().findValuesAsText("field")).containsExactly("note");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(rejected.path("decision").path("rejectionReason").asText()).isEqualTo("Grinders show use");
        assertThat(rejected.path("decision").path("restockingFeePercent").isNull())
                .isTrue();
        assertThat(mailbox.bodiesFor(email)).anyMatch(body -> body.contains("Grinders show use"));
        assertThat(mailbox.subjectsFor("ops@nurture.example"))
                .contains("Return " + returnId + " of order " + orderId + " needs a review");
    }

    @Test
    void aPromoterWhoseOrderIsBeingReturnedIsNotAskedForAReviewOrReferral() {
        String email = newCustomerEmail();
        String orderId = shop.place(withConsent(shop.order(email, KETTLE, 1, card("tok_visa")), true));
        String customerId = shop.deliver(orderId);
        awaitReturn(requestReturn(orderId, line(KETTLE, 1, "CHANGED_MIND")).text("returnId"), "AWAITING_PARCEL");

        String token = shop.surveyAfterDelivery(customerId, orderId);
        api.post("/api/surveys/" + token + "/responses", Map.of("score", 10));

        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("ADVOCACY_ASK:SKIPPED:ORDER_BEING_RETURNED"));
        assertThat(mailbox.subjectsFor(email)).doesNotContain("Glad you love it - tell a friend?");
    }

    @Test
    void anInspectionThatAcceptsNothingClosesTheReturnWithoutARefund() {
        String orderId = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String returnId =
                requestReturn(orderId, line(INFUSER, 1, "NOT_AS_DESCRIBED")).text("returnId");
        NurtureClient.Answer tooEarly = api.post(
                "/api/returns/" + returnId + "/inspection", Map.of("lines", List.of(), "note", "Nothing here yet"));
        parcelBack(awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText());
        awaitReturn(returnId, "RECEIVED");

        NurtureClient.Answer tooMany = api.post(
                "/api/returns/" + returnId + "/inspection",
                Map.of("lines", List.of(Map.of("sku", INFUSER, "accepted", 2, "sellable", true))));
        inspect(returnId, List.of(), "The parcel held a different infuser");
        JsonNode closed = awaitReturn(returnId, "NOTHING_ACCEPTED");

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().findValuesAsText("field")).containsExactly("lines[0].accepted");
        assertThat(closed.path("settlement").path("refundAmount").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aReturnWhoseParcelNeverArrivesClosesAfter21DaysAndAParcelArrivingLaterGoesToOps() {
        String orderId = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String returnId = requestReturn(orderId, line(INFUSER, 1, "WRONG_ITEM")).text("returnId");
        String label = awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText();
        // Its 21 days start once the engine waits for the parcel, a moment after the label's step wrote the status.
        engineRecords.awaitWaitingAt(orderId, "ParcelOrTimeoutGateway");

        shop.advanceClock("P21DT1H");
        awaitReturn(returnId, "NOT_SENT_BACK");
        NurtureClient.Answer askedAgain = requestReturn(orderId, line(INFUSER, 1, "WRONG_ITEM"));
        parcelBack(label);

        assertThat(askedAgain.status()).isEqualTo(201);
        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor("ops@nurture.example")
                        .contains("Return " + returnId + " of order " + orderId + " came back after it closed"));
        assertThat(api.get("/api/returns/" + returnId).body().path("timeline").findValuesAsText("note"))
                .anyMatch(note -> note.startsWith("Parcel back after the return closed"));
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aLabelStepThatDiesAfterTheCarrierIssuedTheLabelSendsThatSameLabelOnce() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(
                email,
                List.of(Map.of("sku", INFUSER, "quantity", 1)),
                card("tok_visa"),
                "DE",
                LABEL_CRASH_POSTAL_CODE));
        shop.deliver(orderId);
        carrier.dieAfterReturnLabelFrom(LABEL_CRASH_POSTAL_CODE);

        String returnId = requestReturn(orderId, line(INFUSER, 1, "WRONG_ITEM")).text("returnId");
        String label = awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText();

        assertThat(carrier.labelStepDiedFor(returnId))
                .as("the armed crash happened")
                .isTrue();
        assertThat(carrier.holdsLabelFor(returnId)).isTrue();
        assertThat(mailbox.subjectsFor(email)).containsOnlyOnce("Your return label for order " + orderId);
        assertThat(mailbox.bodiesFor(email)).anyMatch(body -> body.contains(label));
    }

    @Test
    void aCarrierThatIssuesNoReturnLabelStopsTheReturnAtAnIncidentForOps() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", INFUSER, "quantity", 1)),
                card("tok_visa"),
                "DE",
                SANDBOX_RETURN_LABEL_OUTAGE));
        shop.deliver(orderId);

        String returnId = requestReturn(orderId, line(INFUSER, 1, "WRONG_ITEM")).text("returnId");
        var incident = engineRecords.awaitIncident(orderId);

        assertThat(incident.getValue().getElementId()).isEqualTo("SendReturnLabelTask");
        assertThat(incident.getValue().getErrorMessage()).contains("no return labels");
        assertThat(api.get("/api/returns/" + returnId).text("status")).isEqualTo("REQUESTED");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
    }

    @Test
    void aReturnAfterAGoodwillRefundGivesBackNoMoreThanTheOrderKept() {
        String orderId = delivered(newCustomerEmail(), KETTLE, 1, card("tok_visa"));
        api.post(
                "/api/orders/" + orderId + "/refunds",
                Map.of("amount", "70.00", "reason", "Arrived a week late"),
                Map.of("Idempotency-Key", "late-" + orderId));

        String returnId = requestReturn(orderId, line(KETTLE, 1, "WRONG_ITEM")).text("returnId");
        parcelBack(awaitReturn(returnId, "AWAITING_PARCEL")
                .path("labelTrackingNumber")
                .asText());
        awaitReturn(returnId, "RECEIVED");
        inspect(returnId, List.of(Map.of("sku", KETTLE, "accepted", 1, "sellable", true)), "Fine");
        JsonNode refunded = awaitReturn(returnId, "REFUNDED");

        assertThat(refunded.path("settlement").path("acceptedValue").decimalValue())
                .isEqualByComparingTo("79.00");
        assertThat(refunded.path("settlement").path("refundAmount").decimalValue())
                .as("79.00 taken, 70.00 given back already")
                .isEqualByComparingTo("9.00");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void twoReturnsAskedAtTheSameMomentForTheSameItemTakeItBackOnce() throws Exception {
        String orderId = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> ask = () -> {
                together.await();
                return requestReturn(orderId, line(INFUSER, 1, "CHANGED_MIND")).status();
            };
            List<Integer> statuses = new ArrayList<>();
            for (var answer : callers.invokeAll(List.of(ask, ask))) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsExactlyInAnyOrder(201, 400);
            assertThat(api.get("/api/orders/" + orderId).body().path("returns")).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void oneKeySentForTwoOrdersAtOnceTakesOneReturnAndRefusesTheOtherNamingTheKey() throws Exception {
        String first = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String second = delivered(newCustomerEmail(), INFUSER, 1, card("tok_visa"));
        String key = "return-" + UUID.randomUUID();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<NurtureClient.Answer> answers = new ArrayList<>();
            for (var answer : callers.invokeAll(List.<Callable<NurtureClient.Answer>>of(
                    () -> {
                        together.await();
                        return requestReturn(first, key, line(INFUSER, 1, "CHANGED_MIND"));
                    },
                    () -> {
                        together.await();
                        return requestReturn(second, key, line(INFUSER, 1, "CHANGED_MIND"));
                    }))) {
                answers.add(answer.get());
            }

            assertThat(answers).extracting(NurtureClient.Answer::status).containsExactlyInAnyOrder(201, 422);
            assertThat(answers)
                    .filteredOn(answer -> answer.status() == 422)
                    .allSatisfy(refused ->
                            assertThat(refused.body().findValuesAsText("field")).containsExactly("Idempotency-Key"));
            assertThat(api.get("/api/orders/" + first).body().path("returns").size()
                            + api.get("/api/orders/" + second)
                                    .body()
                                    .path("returns")
                                    .size())
                    .isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void badReturnsAreRefusedNamingTheFieldAndLeaveNothingBehind() {
        String shippedOnly = shop.place(shop.order(newCustomerEmail(), INFUSER, 1, card("tok_visa")));
        shop.awaitStatus(shippedOnly, "SHIPPED");
        String orderId = delivered(newCustomerEmail(), INFUSER, 2, card("tok_visa"));

        NurtureClient.Answer notDelivered = requestReturn(shippedOnly, line(INFUSER, 1, "CHANGED_MIND"));
        NurtureClient.Answer notInOrder = requestReturn(orderId, line(KETTLE, 1, "CHANGED_MIND"));
        NurtureClient.Answer tooMany = requestReturn(orderId, line(INFUSER, 3, "CHANGED_MIND"));
        NurtureClient.Answer noLines = api.post("/api/orders/" + orderId + "/returns", Map.of("lines", List.of()));
        NurtureClient.Answer badReason = requestReturn(orderId, line(INFUSER, 1, "BORED"));
        NurtureClient.Answer first = requestReturn(orderId, "first-" + orderId, line(INFUSER, 1, "CHANGED_MIND"));
        NurtureClient.Answer reused = requestReturn(orderId, "first-" + orderId, line(INFUSER, 2, "CHANGED_MIND"));
        NurtureClient.Answer moreThanLeft = requestReturn(orderId, line(INFUSER, 2, "CHANGED_MIND"));

        assertThat(notDelivered.status()).isEqualTo(400);
        assertThat(notDelivered.body().findValuesAsText("field")).containsExactly("orderId");
        assertThat(notInOrder.status()).isEqualTo(400);
        assertThat(notInOrder.body().findValuesAsText("field")).containsExactly("lines[0].sku");
        assertThat(tooMany.body().findValuesAsText("field")).containsExactly("lines[0].quantity");
        assertThat(noLines.body().findValuesAsText("field")).containsExactly("lines");
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(moreThanLeft.status()).isEqualTo(400);
        assertThat(moreThanLeft.body().findValuesAsText("field")).containsExactly("lines[0].quantity");
        assertThat(api.get("/api/orders/" + orderId).body().path("returns").findValuesAsText("returnId"))
                .containsExactly(first.text("returnId"));
        assertThat(api.get("/api/orders/" + shippedOnly).body().path("returns")).isEmpty();
    }

    private String delivered(String email, String sku, int quantity, Map<String, Object> payment) {
        String orderId = shop.place(shop.order(email, sku, quantity, payment));
        if (payment.get("method").equals("INVOICE")) {
            String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");
            api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-" + orderId));
        }
        shop.deliver(orderId);
        return orderId;
    }

    private static Map<String, Object> line(String sku, int quantity, String reason) {
        return Map.of("sku", sku, "quantity", quantity, "reason", reason);
    }

    private NurtureClient.Answer requestReturn(String orderId, Map<String, Object> line) {
        return requestReturn(orderId, UUID.randomUUID().toString(), line);
    }

    private NurtureClient.Answer requestReturn(String orderId, String idempotencyKey, Map<String, Object> line) {
        return api.post(
                "/api/orders/" + orderId + "/returns",
                Map.of("lines", List.of(line)),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** @return the id of the return that asks to have the line replaced */
    private String askReplacement(String orderId, Map<String, Object> line) {
        return api.post("/api/orders/" + orderId + "/returns", Map.of("lines", List.of(line), "remedy", "REPLACEMENT"))
                .text("returnId");
    }

    /** The order that replaces the return's items, once the return made it. */
    private String replacementOrderOf(String returnId) {
        return awaitReturn(returnId, "REPLACED").path("replacementOrderId").asText();
    }

    private void parcelBack(String trackingNumber) {
        assertThat(api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "RETURN_RECEIVED"))
                        .status())
                .isEqualTo(202);
    }

    private void inspect(String returnId, List<Map<String, Object>> lines, String note) {
        NurtureClient.Answer inspected =
                api.post("/api/returns/" + returnId + "/inspection", Map.of("lines", lines, "note", note));
        assertThat(inspected.status()).as(inspected.body().toString()).isEqualTo(200);
    }

    private JsonNode awaitReturn(String returnId, String status) {
        return await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/returns/" + returnId).body(),
                        ret -> status.equals(ret.path("status").asText()));
    }
}
