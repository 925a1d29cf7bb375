package io.nurture.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/** Orders per status, read from the database at each scrape so it can never drift. */
@Component
class OrderMetrics implements MeterBinder {

    private final OrderRepository orders;

    OrderMetrics(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Arrays.stream(OrderStatus.values())
                .forEach(status -> Gauge.builder("nurture.orders", () -> orders.countByStatus(status))
                        .description("Orders currently in this status")
                        .tag("status", status.name())
                        .register(registry));
    }
}
