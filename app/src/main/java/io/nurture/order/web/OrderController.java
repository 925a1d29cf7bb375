package io.nurture.order.web;

import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.payment.Payment;
import io.nurture.payment.PaymentService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderIntake intake;
    private final OrderCommands commands;
    private final OrderService orders;
    private final PaymentService payments;

    OrderController(OrderIntake intake, OrderCommands commands, OrderService orders, PaymentService payments) {
        this.intake = intake;
        this.commands = commands;
        this.orders = orders;
        this.payments = payments;
    }

    @PostMapping
    ResponseEntity<OrderPlaced> place(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody OrderRequest request, Principal client) {
        String key = IdempotencyKey.ofClient(client.getName(), idempotencyKey);
        Order order = intake.earlierOrder(key, request).orElseGet(() -> intake.place(request, key));
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId())).body(OrderPlaced.of(order));
    }

    @GetMapping("/{orderId}")
    @Transactional(readOnly = true)
    OrderView get(@PathVariable String orderId) {
        Order order = orders.get(orderId);
        return new OrderView(order.getId(), order.getStatus(), order.getCustomerId(),
                order.getLines().stream().map(l -> new OrderView.LineView(l.getSku(), l.getQuantity(), l.getUnitPrice())).toList(),
                order.getTotal(), order.getCurrency(),
                new OrderView.PaymentView(order.getPaymentMethod(), payments.paymentStatus(orderId)),
                order.getTrackingNumber(),
                order.getTimeline().stream().map(t -> new OrderView.TimelineView(t.getAt(), t.getStatus(), t.getNote())).toList());
    }

    @PostMapping("/{orderId}/cancellation")
    ResponseEntity<Accepted> cancel(@PathVariable String orderId) {
        commands.requestCancellation(orderId);
        return ResponseEntity.accepted().body(new Accepted(orderId, "Cancellation requested"));
    }

    @PostMapping("/{orderId}/review")
    ResponseEntity<Accepted> review(@PathVariable String orderId, @Valid @RequestBody ReviewDecision decision) {
        commands.decideReview(orderId, decision.approved(), decision.note());
        return ResponseEntity.accepted().body(new Accepted(orderId, decision.approved() ? "Review approved" : "Review declined"));
    }

    @PostMapping("/{orderId}/payments")
    ResponseEntity<Accepted> pay(@PathVariable String orderId, @Valid @RequestBody InvoicePayment payment) {
        boolean settled = commands.payInvoice(orderId, payment.amount(), payment.reference());
        return ResponseEntity.accepted().body(new Accepted(orderId,
                settled ? "Payment received" : "The order has ended or is being cancelled: the payment was recorded and is owed back to the customer"));
    }

    record ReviewDecision(@Schema(example = "true") @NotNull Boolean approved,
            @Schema(example = "Called the customer, all fine") @Size(max = 400) String note) {
    }

    record InvoicePayment(
            @Schema(example = "49.00") @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Schema(example = "BANK-2026-0001") @NotBlank @Size(max = 100) String reference) {
    }

    record Accepted(String orderId, String message) {
    }
}
