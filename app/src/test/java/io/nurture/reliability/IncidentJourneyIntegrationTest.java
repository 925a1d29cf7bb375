package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Technical failures are retried with backoff and then handed to ops as an incident. */
@ExtendWith(OutputCaptureExtension.class)
@NurtureIntegrationTest
class IncidentJourneyIntegrationTest {

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void failingPaymentProviderEndsInAnIncidentOnChargeCardAndChargesNothing(CapturedOutput output) {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-MATCHA-30", 1, card("tok_error")));

        Record<IncidentRecordValue> incident = engineRecords.awaitIncident(orderId);

        assertThat(incident.getValue().getElementId()).isEqualTo("ChargeCardTask");
        assertThat(incident.getValue().getErrorMessage()).contains("PaymentProviderUnavailableException");
        assertThat(db.sql("SELECT CONCAT(kind, ':', status) FROM payments WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .as("the intent, written before each try")
                .containsExactly("CHARGE:PENDING");
        assertThat(db.sql("SELECT COUNT(*) FROM sandbox_provider_ledger WHERE idempotency_key = ?")
                        .param("charge-" + orderId)
                        .query(Long.class)
                        .single())
                .as("charged at the provider")
                .isZero();
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("RECEIVED");
        assertThat(output.getAll())
                .contains("order=" + orderId)
                .contains("instance=" + incident.getValue().getProcessInstanceKey());
    }
}
