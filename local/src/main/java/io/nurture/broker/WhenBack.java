package io.nurture.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs once a restarted broker is ready (the client reconnects, the outbox retries what waited).
 * An action that fails is logged and the others still run: the broker is back all the same. Counted
 * as a failed restart, a failing action had the supervisor stop the healthy broker and restart it,
 * twice (once for the failure, once for the exit of the broker it stopped).
 */
final class WhenBack {

    private static final Logger LOG = LoggerFactory.getLogger(WhenBack.class);

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    void add(Runnable action) {
        actions.add(action);
    }

    void run() {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("An action after the local broker's restart failed; the broker stays up", e);
            }
        }
    }
}
