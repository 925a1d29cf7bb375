package io.nurture.order.web;

import io.nurture.api.IdempotencyKeys;
import io.nurture.order.OrderService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Staff send a message about an order once more, when the customer says it never came. */
@RestController
class OrderMessagesController {

    private final OrderService orders;

    OrderMessagesController(OrderService orders) {
        this.orders = orders;
    }

    /**
     * The Idempotency-Key is required: a request sent again (a timeout, a double click) sends the
     * message once.
     */
    @PostMapping("/api/orders/{orderId}/messages/{messageId}/resend")
    @ApiResponse(responseCode = "202", description = "Sent again (or sent under this key before)")
    @ApiResponse(responseCode = "404", description = "No such message to this order's customer about it")
    @ApiResponse(responseCode = "409", description = "A marketing message: the contact policy decides those")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key already sent another message again")
    ResponseEntity<OrderController.Accepted> resend(
            @PathVariable String orderId,
            @PathVariable long messageId,
            @RequestHeader(name = "Idempotency-Key") String idempotencyKey,
            Principal staff) {
        String key = IdempotencyKeys.ofClient(staff.getName(), idempotencyKey);
        String dedupeKey = "resend-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        orders.sendMessageAgain(orderId, messageId, dedupeKey, staff.getName());
        return ResponseEntity.accepted().body(new OrderController.Accepted(orderId, "Message sent again"));
    }
}
