package io.nurture.order.web;

import io.nurture.order.Order;
import io.nurture.order.OrderStatus;
import java.math.BigDecimal;

/** The answer to {@code POST /api/orders}. */
record OrderPlaced(String orderId, OrderStatus status, BigDecimal total, String currency) {

    static OrderPlaced of(Order order) {
        return new OrderPlaced(order.getId(), order.getStatus(), order.getTotal(), order.getCurrency());
    }
}
