package io.nurture.payment;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order's money ledger end to end: what was taken is given back the way it came (a card by
 * the provider, a transfer by staff, settled with their bank reference), the customer is told the
 * truth about it, coupons come back with orders that never shipped, and the reconciliation holds
 * every order against its state and the provider's own books.
 */
@NurtureIntegrationTest
class MoneyLedgerIntegrationTest {

    @Autowired
    CouponService coupons;

    @Autowired
    ProviderFaults provider;

    @Autowired
    Shop shop;

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @Autowired
    Mailbox mailbox;

    @Test
    void aPaidInvoiceOfACancelledOrderIsOwedBackUntilStaffSettleItWithTheirBankReference() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(
                email, List.of(Map.of("sku", "FLT-PAPER-100", "quantity", 2)), invoice(), "DE", Shop.CARRIER_OUTAGE));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT")
                .body()
                .path("total")
                .decimalValue()
                .setScale(2)
                .toPlainString();
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-OWED-1"));
        shop.awaitStatus(orderId, "PAID");

        assertThat(api.post("/api/orders/" + orderId + "/cancellation", "").status())
                .isEqualTo(202);

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("OWED");
        JsonNode owed = owedRefundOf(orderId);
        assertThat(owed.path("amount").decimalValue()).isEqualByComparingTo(total);
        assertThat(mailbox.bodiesFor(email))
                .anyMatch(body -> body.contains("We owe you the " + total))
                .noneMatch(body -> body.contains("has been refunded"));
        assertThat(mailbox.subjectsFor("ops@nurture.example"))
                .contains("Refund owed: cancelled order " + orderId + " was paid by transfer");
        assertThat(reconciliationFindingsFor(orderId)).as("owed, not kept").isEmpty();

        NurtureClient.Answer settled = api.post(
                "/api/refunds/" + owed.path("refundId").asText() + "/settlement",
                Map.of("bankReference", "TRANSFER-2026-42"));

        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.text("status")).isEqualTo("REFUNDED");
        assertThat(settled.text("paidOutWith")).isEqualTo("TRANSFER-2026-42");
        assertThat(api.get("/api/refunds").body().findValuesAsText("orderId")).doesNotContain(orderId);
        assertThat(mailbox.subjectsFor(email)).contains("We have paid back " + total + " EUR for order " + orderId);
        NurtureClient.Answer again = api.post(
                "/api/refunds/" + owed.path("refundId").asText() + "/settlement",
                Map.of("bankReference", "TRANSFER-2026-43"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("TRANSFER-2026-42");
    }

    @Test
    void aCardRefundIsToldAsRefundedToTheCardAndTheProviderAgrees() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(
                email,
                List.of(Map.of("sku", "GFT-SAMPLER", "quantity", 1)),
                card("tok_visa"),
                "DE",
                Shop.CARRIER_OUTAGE));
        shop.awaitStatus(orderId, "PAID");

        api.post("/api/orders/" + orderId + "/cancellation", "");

        shop.awaitStatus(orderId, "CANCELLED");
        assertThat(mailbox.bodiesFor(email))
                .anyMatch(body -> body.contains("charged to your card has been refunded to it"));
        assertThat(providerBooks("refund-" + orderId)).isEqualTo(1);
        assertThat(reconciliationFindingsFor(orderId)).isEmpty();
    }

    @Test
    void aCouponSpentOnAnOrderThatIsCancelledCanBeUsedAgain() {
        String email = newCustomerEmail();
        String customerId = deliveredCustomer(email);
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(Coupon.SERVICE_RECOVERY, new BigDecimal("5.00"), "EUR", Duration.ofDays(30)),
                "test-" + UUID.randomUUID());
        String declined = shop.place(
                with(shop.order(email, "TEA-SENCHA-100", 2, card("tok_declined")), "couponCode", coupon.getCode()));
        shop.awaitStatus(declined, "CANCELLED");

        NurtureClient.Answer reused = api.post(
                "/api/orders",
                with(shop.order(email, "TEA-SENCHA-100", 2, card("tok_visa")), "couponCode", coupon.getCode()));

        assertThat(reused.status()).as(reused.body().toString()).isEqualTo(201);
        shop.awaitStatus(reused.text("orderId"), "SHIPPED");
    }

    @Test
    void aCardOrderACouponPaysInFullShipsWithoutAChargeAtTheProvider() {
        String email = newCustomerEmail();
        String customerId = deliveredCustomer(email);
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(Coupon.WIN_BACK, new BigDecimal("100.00"), "EUR", Duration.ofDays(30)),
                "test-" + UUID.randomUUID());

        String orderId = shop.place(
                with(shop.order(email, "TEA-SENCHA-100", 1, card("tok_visa")), "couponCode", coupon.getCode()));

        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(providerBooks("charge-" + orderId))
                .as("nothing sent to the provider for 0.00")
                .isZero();
        assertThat(reconciliationFindingsFor(orderId)).isEmpty();
    }

    @Test
    void aChargeTheProviderBooksAfterItsCancellationFoundNothingIsRefundedByTheLateChargeCheck() throws Exception {
        ProviderFaults.HeldCharge charge = provider.holdNextChargeThenLoseItsAnswer();
        try {
            String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
            assertThat(charge.awaitOnItsWay(Duration.ofMinutes(1)))
                    .as("the charge left for the provider")
                    .isTrue();

            assertThat(api.post("/api/orders/" + orderId + "/cancellation", "").status())
                    .isEqualTo(202);
            shop.awaitStatus(orderId, "CANCELLED");
            assertThat(chargeOnTheLedger(orderId))
                    .as("the cancellation asked the provider, who had nothing yet")
                    .isEqualTo("VOID");
            charge.release();

            await().atMost(Duration.ofSeconds(30)).until(() -> providerBooks("refund-" + orderId) == 1);
            assertThat(providerBooks("charge-" + orderId)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> reconciliationFindingsFor(orderId).isEmpty());
            assertThat(chargeOnTheLedger(orderId)).isEqualTo("CAPTURED");
            assertThat(api.get("/api/orders/" + orderId)
                            .body()
                            .path("payment")
                            .path("status")
                            .asText())
                    .isEqualTo("REFUNDED");
        } finally {
            charge.release();
            provider.reset();
        }
    }

    @Test
    void anApprovedChargeIsBookedWithTheProvidersReference() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));

        shop.awaitStatus(orderId, "SHIPPED");

        Map<String, Object> charge = chargeRow(orderId);
        String providerReference = db.sql(
                        "SELECT provider_reference FROM sandbox_provider_ledger WHERE idempotency_key = ?")
                .params("charge-" + orderId)
                .query(String.class)
                .single();
        assertThat(charge).containsEntry("status", "CAPTURED").containsEntry("provider_reference", providerReference);
        assertThat(charge.get("completed_at")).isNotNull();
    }

    @Test
    void aDeclinedChargeIsBookedWithTheProvidersAnswerAndReason() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_declined")));

        shop.awaitStatus(orderId, "CANCELLED");

        Map<String, Object> charge = chargeRow(orderId);
        assertThat(charge)
                .containsEntry("status", "DECLINED")
                .containsEntry("amount", new BigDecimal("12.50"))
                .containsEntry("idempotency_key", "charge-" + orderId)
                .containsEntry("reference", "card_declined");
        assertThat(charge.get("completed_at")).isNotNull();
    }

    @Test
    void theReconciliationReportsMoneyTheProviderTookThatTheLedgerNeverBooked() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_declined")));
        shop.awaitStatus(orderId, "CANCELLED");
        // As if the provider had taken the money while Nurture booked a decline.
        db.sql("UPDATE sandbox_provider_ledger SET approved = TRUE, amount = 12.50 WHERE idempotency_key = ?")
                .params("charge-" + orderId)
                .update();

        List<JsonNode> findings = reconciliationFindingsFor(orderId);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(finding.path("problem").asText()).contains("the provider charged 12.50");
        });
    }

    @Test
    void aReconciliationOfRecentOrdersChecksOnlyThosePlacedSinceTheInstantGiven() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_declined")));
        Instant placedAt = Instant.parse(shop.awaitStatus(orderId, "CANCELLED")
                .body()
                .path("timeline")
                .get(0)
                .path("at")
                .asText());
        db.sql("UPDATE sandbox_provider_ledger SET approved = TRUE, amount = 12.50 WHERE idempotency_key = ?")
                .params("charge-" + orderId)
                .update();

        NurtureClient.Answer fromPlacement = api.get("/api/reconciliation?placedSince=" + placedAt);
        NurtureClient.Answer afterPlacement = api.get("/api/reconciliation?placedSince=" + placedAt.plusMillis(1));
        NurtureClient.Answer unreadable = api.get("/api/reconciliation?placedSince=yesterday");

        assertThat(fromPlacement.body().path("violations").findValuesAsText("orderId"))
                .contains(orderId);
        assertThat(afterPlacement.body().path("violations").findValuesAsText("orderId"))
                .doesNotContain(orderId);
        assertThat(afterPlacement.body().path("ordersChecked").asInt())
                .isLessThan(fromPlacement.body().path("ordersChecked").asInt());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.text("detail")).contains("placedSince");
    }

    private String deliveredCustomer(String email) {
        String first = shop.place(shop.order(email, "TEA-SENCHA-100", 1, card("tok_visa")));
        return shop.awaitStatus(first, "SHIPPED").text("customerId");
    }

    private JsonNode owedRefundOf(String orderId) {
        return await()
                .atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/refunds").body(),
                        refunds -> refunds.findValuesAsText("orderId").contains(orderId))
                .findParents("orderId")
                .stream()
                .filter(refund -> refund.path("orderId").asText().equals(orderId))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> reconciliationFindingsFor(String orderId) {
        NurtureClient.Answer report = api.get("/api/reconciliation");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().path("ordersChecked").asInt()).isPositive();
        return report.body().path("violations").findParents("orderId").stream()
                .filter(finding -> finding.path("orderId").asText().equals(orderId))
                .toList();
    }

    private Map<String, Object> chargeRow(String orderId) {
        return db.sql("SELECT * FROM payments WHERE order_id = ? AND kind = 'CHARGE'")
                .params(orderId)
                .query()
                .singleRow();
    }

    private String chargeOnTheLedger(String orderId) {
        return (String) chargeRow(orderId).get("status");
    }

    private long providerBooks(String idempotencyKey) {
        return db.sql("SELECT COUNT(*) FROM sandbox_provider_ledger WHERE idempotency_key = ? AND approved")
                .params(idempotencyKey)
                .query(Long.class)
                .single();
    }
}
