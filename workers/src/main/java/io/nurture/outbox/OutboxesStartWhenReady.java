package io.nurture.outbox;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Outboxes deliver only once the app is ready: the models are deployed, the mail server is up. */
@Component
class OutboxesStartWhenReady {

    private final List<OutboxDispatcher> dispatchers;

    OutboxesStartWhenReady(List<OutboxDispatcher> dispatchers) {
        this.dispatchers = dispatchers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        dispatchers.forEach(OutboxDispatcher::start);
    }
}
