package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nurture closes the Camunda client itself, last among the things that stop, and waits for it a
 * bounded time; the container no longer closes it. The client's close closes each job worker's
 * stream again (Nurture closed them when it stopped taking jobs), and camunda-client-java 8.8.14
 * can leave a stream's lock taken for good: a reconnect the stream had scheduled (after the broker
 * went away) that runs once the stream is closed returns without releasing the lock
 * ({@code JobStreamerImpl.open}). The second close then waited for ever, and the rest of the
 * shutdown, which stops the embedded database and the broker, never ran. A close that has not
 * returned within {@link #LIMIT} is interrupted (the stream's lock is taken interruptibly, so the
 * close goes on past it) and logged with where it waited.
 */
@Configuration(proxyBeanMethods = false)
class BoundedClientClose {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedClientClose.class);
    /** A close after the job handlers finished takes well under a second; one that waits on the lock, for ever. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

    @Bean
    static BeanFactoryPostProcessor camundaClientNotClosedByTheContainer() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                // An empty name turns off the inferred close() of an AutoCloseable bean.
                beanFactory.getBeanDefinition(name).setDestroyMethodName("");
            }
        };
    }

    @Bean
    SmartLifecycle camundaClientCloser(CamundaClient client) {
        return new Closer(client, LIMIT);
    }

    /**
     * Stops after everything that may still use the client: the job workers, the outboxes, the web
     * server. Also closes the client when the context is destroyed without having started (a start
     * that failed), once either way.
     */
    static final class Closer implements SmartLifecycle, DisposableBean {

        private final AutoCloseable client;
        private final Duration limit;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean running;

        Closer(AutoCloseable client, Duration limit) {
            this.client = client;
            this.limit = limit;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            close();
        }

        @Override
        public void destroy() {
            close();
        }

        private void close() {
            if (closed.getAndSet(true)) {
                return;
            }
            Thread closing =
                    Thread.ofPlatform().name("camunda-client-close").daemon().start(this::closeClient);
            try {
                if (!closing.join(limit)) {
                    LOG.warn(
                            "The Camunda client did not close within {}; interrupting it. It waited at:{}",
                            limit,
                            Arrays.stream(closing.getStackTrace())
                                    .map(frame -> "\n\tat " + frame)
                                    .collect(Collectors.joining()));
                    closing.interrupt();
                    closing.join(AFTER_INTERRUPT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void closeClient() {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("Closing the Camunda client failed", e);
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return DEFAULT_PHASE - 8192;
        }
    }
}
