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
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishes the engine outbox: a batch of due messages in parallel (at most one per order or
 * customer, so their messages arrive in the order they were written), each then deleted, or due
 * again after a backoff when the engine refused it or was unreachable. A message the engine still
 * holds under the same message id was delivered before (the relay died before deleting it).
 */
@Component
class EngineRelay extends OutboxDispatcher {

    private static final OutboxTable.Layout LAYOUT = new OutboxTable.Layout("engine_messages", "created_at", true, false);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxTable outbox;
    private final JdbcClient db;
    private final CamundaClient client;

    EngineRelay(JdbcClient db, PlatformTransactionManager transactions, Clock clock, OutboxProperties properties,
            MeterRegistry meters, CamundaClient client) {
        super("engine", properties.pollInterval());
        this.outbox = new OutboxTable("engine", LAYOUT, db, transactions, clock, properties, meters);
        this.db = db;
        this.client = client;
    }

    @Override
    protected int deliverBatch() {
        List<Long> ids = outbox.claim();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Sent> sent = db.sql("SELECT id, message_name, correlation_key, message_id, time_to_live_ms, variables"
                        + " FROM engine_messages WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> new Sent(rs.getLong(1), publish(rs.getString(2), rs.getString(3), rs.getString(4),
                        Duration.ofMillis(rs.getLong(5)), rs.getString(6))))
                .list();
        List<Long> delivered = new ArrayList<>();
        for (Sent message : sent) {
            try {
                message.answer().join();
                delivered.add(message.id());
            } catch (ClientException refused) {
                if (isDuplicate(refused)) {
                    delivered.add(message.id());
                } else {
                    outbox.failed(message.id(), refused);
                }
            }
        }
        outbox.delivered(delivered);
        return ids.size();
    }

    private CamundaFuture<PublishMessageResponse> publish(String name, String correlationKey, String messageId,
            Duration timeToLive, String variables) {
        var command = client.newPublishMessageCommand()
                .messageName(name)
                .correlationKey(correlationKey)
                .timeToLive(timeToLive)
                .variables(variables);
        if (messageId != null) {
            command.messageId(messageId);
        }
        return command.requestTimeout(REQUEST_TIMEOUT).send();
    }

    private static boolean isDuplicate(ClientException refused) {
        return refused instanceof ClientStatusException status && status.getStatusCode() == Status.Code.ALREADY_EXISTS;
    }

    private record Sent(long id, CamundaFuture<PublishMessageResponse> answer) {
    }
}
