package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class BoundedClientCloseTest {

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aClientCloseThatWaitsForGoodIsInterruptedAndTheShutdownGoesOn() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedClientClose.Closer closer = new BoundedClientClose.Closer(
                () -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                },
                Duration.ofMillis(50));
        closer.start();

        closer.stop();

        assertThat(closer.isRunning()).isFalse();
        assertThat(interrupted.await(1, TimeUnit.MINUTES))
                .as("the close was interrupted")
                .isTrue();
    }

    @Test
    void theClientIsClosedOnceWhenItClosesInTime() {
        AtomicInteger closes = new AtomicInteger();
        BoundedClientClose.Closer closer =
                new BoundedClientClose.Closer(closes::incrementAndGet, Duration.ofMinutes(1));
        closer.start();

        closer.stop();
        closer.destroy();

        assertThat(closes).hasValue(1);
    }

    @Test
    void aContextThatNeverStartedStillClosesTheClient() {
        AtomicInteger closes = new AtomicInteger();
        BoundedClientClose.Closer closer =
                new BoundedClientClose.Closer(closes::incrementAndGet, Duration.ofMinutes(1));

        closer.destroy();

        assertThat(closes).hasValue(1);
    }

    @Test
    void theContainerNoLongerClosesTheClient() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        RootBeanDefinition client =
                new RootBeanDefinition(mock(CamundaClient.class).getClass());
        client.setDestroyMethodName("close");
        beanFactory.registerBeanDefinition("camundaClient", client);

        BoundedClientClose.camundaClientNotClosedByTheContainer().postProcessBeanFactory(beanFactory);

        assertThat(beanFactory.getBeanDefinition("camundaClient").getDestroyMethodName())
                .isEmpty();
    }
}
