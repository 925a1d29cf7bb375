package io.nurture.orchestration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.PublishMessageResponse;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.outbox.OutboxDispatcher;
import io.nurture.outbox.OutboxProperties;
import io.nurture.outbox.OutboxTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishes the engine outbox: a batch of due messages, several in flight at once (at most one per
 * order or customer, so their messages arrive in the order they were written), each then deleted,
 * or due again after a backoff when the engine refused it or was unreachable. A message the engine still
 * holds under the same message id was delivered before (the relay died before deleting it).
 */
@Component
public class EngineRelay extends OutboxDispatcher {

    private static final OutboxTable.Layout LAYOUT =
            new OutboxTable.Layout("engine_messages", "created_at", true, false);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int PUSH_BACK_ROUNDS = 6;
    private static final Duration PUSH_BACK_PAUSE = Duration.ofMillis(50);

    private final CamundaClient client;
    private final int maxInFlight;

    EngineRelay(
            JdbcClient db,
            PlatformTransactionManager transactions,
            Clock clock,
            OutboxProperties properties,
            MeterRegistry meters,
            CamundaClient client) {
        super(
                new OutboxTable("engine", LAYOUT, db, transactions, clock, properties, meters),
                properties.pollInterval());
        this.client = client;
        this.maxInFlight = properties.engineMaxInFlight();
    }

    @Override
    protected int deliverBatch() {
        OutboxTable.Claimed<Row> claimed = outbox.claim(
                "id, message_name, correlation_key, message_id, time_to_live_ms, variables",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Duration.ofMillis(rs.getLong(5)),
                        rs.getString(6)));
        OutboxTable.Claim claim = claimed.claim();
        List<Row> toSend = claimed.rows();
        if (toSend.isEmpty()) {
            return 0;
        }
        List<Long> delivered = new ArrayList<>();
        Map<Long, Exception> refused = new LinkedHashMap<>();
        for (int round = 0; !toSend.isEmpty(); round++) {
            if (round == PUSH_BACK_ROUNDS) {
                toSend.forEach(row -> refused.put(row.id(), new IllegalStateException("The engine kept pushing back")));
                break;
            }
            pause(PUSH_BACK_PAUSE.multipliedBy(round));
            toSend = sendAll(toSend, delivered, refused);
        }
        // What the engine took is marked first: should the database go now, those marks are the ones kept.
        outbox.delivered(claim, delivered);
        refused.forEach((id, error) -> outbox.failed(claim, id, error));
        return claim.ids().size();
    }

    /**
     * Publishes the rows, {@code maxInFlight} at a time; answers those the engine pushed back
     * (RESOURCE_EXHAUSTED: it is busy, not failing), which are sent again after a short pause
     * rather than after the outbox's backoff.
     */
    private List<Row> sendAll(List<Row> rows, List<Long> delivered, Map<Long, Exception> refused) {
        List<Row> pushedBack = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += maxInFlight) {
            List<Row> window = rows.subList(from, Math.min(rows.size(), from + maxInFlight));
            List<CamundaFuture<PublishMessageResponse>> answers =
                    window.stream().map(this::publish).toList();
            for (int i = 0; i < window.size(); i++) {
                try {
                    answers.get(i).join();
                    delivered.add(window.get(i).id());
                } catch (ClientException refusal) {
                    if (is(refusal, Status.Code.ALREADY_EXISTS)) {
                        delivered.add(window.get(i).id());
                    } else if (is(refusal, Status.Code.RESOURCE_EXHAUSTED)) {
                        pushedBack.add(window.get(i));
                    } else {
                        refused.put(window.get(i).id(), refusal);
                    }
                }
            }
        }
        return pushedBack;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CamundaFuture<PublishMessageResponse> publish(Row row) {
        var command = client.newPublishMessageCommand()
                .messageName(row.name())
                .correlationKey(row.correlationKey())
                .timeToLive(row.timeToLive())
                .variables(row.variables());
        if (row.messageId() != null) {
            command.messageId(row.messageId());
        }
        return command.requestTimeout(REQUEST_TIMEOUT).send();
    }

    private static boolean is(ClientException refused, Status.Code code) {
        return refused instanceof ClientStatusException status && status.getStatusCode() == code;
    }

    private record Row(
            long id, String name, String correlationKey, String messageId, Duration timeToLive, String variables) {}
}
