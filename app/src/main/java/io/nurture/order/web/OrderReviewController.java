package io.nurture.order.web;

import io.nurture.inbox.StaffInbox;
import io.nurture.order.Order;
import io.nurture.order.OrderCommands;
import io.nurture.processes.StaffWait;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff decide a risky order's manual review; the decision and who made it go on the order's timeline. */
@RestController
class OrderReviewController {

    private final OrderCommands commands;
    private final StaffInbox inbox;

    OrderReviewController(OrderCommands commands, StaffInbox inbox) {
        this.commands = commands;
        this.inbox = inbox;
    }

    @PostMapping("/api/orders/{orderId}/review")
    @ApiResponse(
            responseCode = "409",
            description = "The order is not in review: decided by a colleague (who and when), or by the review period")
    ResponseEntity<OrderController.Accepted> review(
            @PathVariable String orderId, @Valid @RequestBody ReviewDecision decision, Principal staff) {
        boolean approved = decision.approved();
        inbox.decide(
                StaffWait.ORDER_REVIEW,
                orderId,
                staff.getName(),
                (approved ? "Approved" : "Declined") + noted(decision.note()),
                Order::getId,
                () -> commands.decideReview(orderId, approved, decision.note(), staff.getName()));
        return ResponseEntity.accepted()
                .body(new OrderController.Accepted(orderId, approved ? "Review approved" : "Review declined"));
    }

    private static String noted(String note) {
        return note == null || note.isBlank() ? "" : ": " + note;
    }

    record ReviewDecision(
            @Schema(example = "true") @NotNull Boolean approved,

            @Schema(example = "Called the customer, all fine") @Size(max = 400)
            String note) {}
}
