package io.nurture.order.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.api.IdempotencyKeys;
import io.nurture.api.InvalidRequestException;
import io.nurture.checkout.OrderPlacement;
import io.nurture.order.Order;
import io.nurture.order.OrderCommands;
import io.nurture.order.OrderService;
import io.nurture.order.OrderSummary;
import io.nurture.payment.InvoicePaymentOutcome;
import io.nurture.payment.InvoicePayments;
import io.nurture.payment.PaymentService;
import io.nurture.reporting.OrderSearch;
import io.nurture.returns.ReturnService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderPlacement placement;
    private final OrderCommands commands;
    private final InvoicePayments invoicePayments;
    private final OrderService orders;
    private final PaymentService payments;
    private final ReturnService returns;
    private final OrderSearch orderSearch;
    private final ObjectMapper json;

    OrderController(
            OrderPlacement placement,
            OrderCommands commands,
            InvoicePayments invoicePayments,
            OrderService orders,
            PaymentService payments,
            ReturnService returns,
            OrderSearch orderSearch,
            ObjectMapper json) {
        this.placement = placement;
        this.commands = commands;
        this.invoicePayments = invoicePayments;
        this.orders = orders;
        this.payments = payments;
        this.returns = returns;
        this.orderSearch = orderSearch;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<OrderPlaced> place(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody OrderRequest request,
            Principal client) {
        String key = IdempotencyKeys.ofClient(client.getName(), idempotencyKey);
        String fingerprint = IdempotencyKeys.fingerprint(json, request);
        Order order = placement.place(request.toPlaceOrder(), key, fingerprint);
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId()))
                .body(OrderPlaced.of(order));
    }

    /**
     * Staff find the order a customer calls about: by order id, e-mail address, tracking number
     * (the parcel's or a return label's) or payment reference, exactly as written; newest first, at
     * most 50.
     */
    @GetMapping
    List<OrderSearch.Found> search(
            @RequestParam(required = false) @Size(max = 254) @Pattern(regexp = "\\S+", message = "must be one word")
                    String search) {
        if (search == null || search.isBlank()) {
            throw new InvalidRequestException(
                    "search", "is required: an order id, e-mail, tracking number or payment reference");
        }
        return orderSearch.find(search.strip());
    }

    @GetMapping("/{orderId}")
    OrderView get(@PathVariable String orderId) {
        OrderSummary order = orders.summary(orderId);
        return OrderView.of(order, payments.paymentOf(orderId), returns.returnsOf(orderId));
    }

    @PostMapping("/{orderId}/cancellation")
    ResponseEntity<Accepted> cancel(@PathVariable String orderId) {
        commands.requestCancellation(orderId);
        return ResponseEntity.accepted().body(new Accepted(orderId, "Cancellation requested"));
    }

    @PostMapping("/{orderId}/payments")
    ResponseEntity<Accepted> pay(@PathVariable String orderId, @Valid @RequestBody InvoicePayment payment) {
        InvoicePaymentOutcome outcome = invoicePayments.receive(orderId, payment.amount(), payment.reference());
        return ResponseEntity.accepted()
                .body(
                        new Accepted(
                                orderId,
                                outcome == InvoicePaymentOutcome.SETTLED
                                        ? "Payment received"
                                        : "The order has ended or is being cancelled: the payment was recorded and is owed back to the customer"));
    }

    record InvoicePayment(
            @Schema(example = "49.00") @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Schema(example = "BANK-2026-0001") @NotBlank @Size(max = 100)
            String reference) {}

    record Accepted(String orderId, String message) {}
}
