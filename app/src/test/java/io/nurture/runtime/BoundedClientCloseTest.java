package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class BoundedClientCloseTest {

    @Test
    void aClientCloseThatNeverReturnsDoesNotHoldUpTheShutdown() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger closes = new AtomicInteger();
        BoundedClientClose.Closer closer = new BoundedClientClose.Closer(
                () -> {
                    closes.incrementAndGet();
                    never.await();
                },
                Duration.ofMillis(50));
        closer.start();

        closer.stop();

        assertThat(closer.isRunning()).isFalse();
        assertThat(closes).hasValue(1);
        never.countDown();
    }

    @Test
    void theClientIsClosedOnceWhenItClosesInTime() {
        AtomicInteger closes = new AtomicInteger();
        BoundedClientClose.Closer closer =
                new BoundedClientClose.Closer(closes::incrementAndGet, Duration.ofMinutes(1));

        closer.stop();

        assertThat(closes).hasValue(1);
    }

    @Test
    void theContainerNoLongerClosesTheClient() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        RootBeanDefinition client =
                new RootBeanDefinition(mock(CamundaClient.class).getClass());
        client.setDestroyMethodName("(inferred)");
        beanFactory.registerBeanDefinition("camundaClient", client);

        BoundedClientClose.camundaClientNotClosedByTheContainer().postProcessBeanFactory(beanFactory);

        assertThat(beanFactory.getBeanDefinition("camundaClient").getDestroyMethodName())
                .isEmpty();
    }
}
