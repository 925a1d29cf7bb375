package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nurture closes the Camunda client itself, last among the things that stop, and waits for it a
 * bounded time; the container no longer closes it. The client's close first closes each job
 * worker's stream, and once, after the local broker had been restarted, that close waited for good
 * on the stream's lock (camunda-client-java 8.8.14, {@code JobStreamerImpl.close}; the thread dump
 * showed no thread holding it): the rest of the shutdown, which stops the embedded database and the
 * broker, never ran, and both outlived Nurture. A close that has not returned within
 * {@link #LIMIT} is left to the JVM's exit, with its stack in the log.
 */
@Configuration(proxyBeanMethods = false)
class BoundedClientClose {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedClientClose.class);
    /** Generous: a close that returns at all does so in well under a second; the client's own channel wait is 15 s. */
    static final Duration LIMIT = Duration.ofSeconds(30);

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

    /** Stops after everything that may still use the client: the job workers, the outboxes, the web server. */
    static final class Closer implements SmartLifecycle {

        private final AutoCloseable client;
        private final Duration limit;
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
            Thread closing =
                    Thread.ofPlatform().name("camunda-client-close").daemon().start(this::closeClient);
            try {
                closing.join(limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closing.isAlive()) {
                LOG.warn(
                        "The Camunda client did not close within {}; stopping the rest without it. It waits at:{}",
                        limit,
                        Arrays.stream(closing.getStackTrace())
                                .map(frame -> "\n\tat " + frame)
                                .collect(Collectors.joining()));
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
