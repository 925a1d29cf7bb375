package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.nurture.payment.PaymentRepository;
import java.util.ConcurrentModificationException;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Technical failures are retried with backoff and then handed to ops as an incident. */
@ExtendWith(OutputCaptureExtension.class)
class IncidentJourneyTest extends JourneyTest {

    @Autowired
    PaymentRepository payments;

    @Test
    void failingPaymentProviderEndsInAnIncidentOnChargeCardAndChargesNothing(CapturedOutput output) {
        String orderId = place(order(newCustomerEmail(), "TEA-MATCHA-30", 1, card("tok_error")));

        Record<IncidentRecordValue> incident = await().atMost(PATIENCE).until(() -> incidentFor(orderId), Optional::isPresent)
                .orElseThrow();

        assertThat(incident.getValue().getElementId()).isEqualTo("ChargeCardTask");
        assertThat(incident.getValue().getErrorMessage()).contains("PaymentProviderUnavailableException");
        assertThat(payments.findByOrderId(orderId)).isEmpty();
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("RECEIVED");
        assertThat(output.getAll()).contains("order=" + orderId)
                .contains("instance=" + incident.getValue().getProcessInstanceKey());
    }

    private Optional<Record<IncidentRecordValue>> incidentFor(String orderId) {
        try {
            return incidentsFor(orderId);
        } catch (ConcurrentModificationException engineWroteMeanwhile) {
            return Optional.empty();
        }
    }

    private Optional<Record<IncidentRecordValue>> incidentsFor(String orderId) {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .filter(r -> orderIdOf(r.getValue().getProcessInstanceKey()).equals(orderId))
                .findFirst();
    }

    private String orderIdOf(long processInstanceKey) {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).variableRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
                .filter(r -> r.getValue().getName().equals("orderId"))
                .map(r -> r.getValue().getValue().replace("\"", ""))
                .findFirst()
                .orElse("");
    }
}
