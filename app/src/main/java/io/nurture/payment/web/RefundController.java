package io.nurture.payment.web;

import io.nurture.api.ConflictException;
import io.nurture.api.IdempotencyKeys;
import io.nurture.api.NotFoundException;
import io.nurture.inbox.AlreadyDecidedException;
import io.nurture.inbox.Decision;
import io.nurture.inbox.StaffInbox;
import io.nurture.payment.Payment;
import io.nurture.payment.PaymentService;
import io.nurture.payment.RefundNotOwedException;
import io.nurture.payment.UnknownRefundException;
import io.nurture.processes.StaffWait;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money given back: goodwill refunds staff grant on shipped or delivered orders, and refunds owed to
 * customers who paid by transfer (no provider can return a bank transfer, so staff pay them out and
 * settle them here with the reference of their transfer).
 */
@RestController
class RefundController {

    private static final String SETTLED_WITH = "Settled with ";

    private final PaymentService payments;
    private final StaffInbox inbox;

    RefundController(PaymentService payments, StaffInbox inbox) {
        this.payments = payments;
        this.inbox = inbox;
    }

    @GetMapping("/api/refunds")
    List<RefundView> owed(@RequestParam(defaultValue = "OWED") @Pattern(regexp = "OWED") String status) {
        return payments.refundsOwed().stream().map(RefundView::of).toList();
    }

    @GetMapping("/api/refunds/{refundId}")
    RefundView refund(@PathVariable String refundId) {
        return payments.refundById(refundId)
                .map(RefundView::of)
                .orElseThrow(() -> new NotFoundException("No refund " + refundId));
    }

    /**
     * A goodwill refund: part of what a shipped or delivered order took, given back without a
     * return. The Idempotency-Key is required: a request sent again (a timeout, a double click)
     * answers the same refund instead of giving money back twice.
     */
    @PostMapping("/api/orders/{orderId}/refunds")
    @ApiResponse(responseCode = "201", description = "Granted (or granted before under this key)")
    @ApiResponse(
            responseCode = "400",
            description = "A field or the Idempotency-Key is invalid, or the amount is more than is left")
    @ApiResponse(responseCode = "409", description = "The order has not shipped")
    @ApiResponse(responseCode = "422", description = "The key granted a refund with another order, amount or reason")
    ResponseEntity<RefundView> grantGoodwill(
            @PathVariable String orderId,
            @Valid @RequestBody GoodwillRefundRequest request,
            @RequestHeader(name = "Idempotency-Key") String idempotencyKey,
            Principal staff) {
        String key = IdempotencyKeys.ofClient(staff.getName(), idempotencyKey);
        String refundId = UUID.nameUUIDFromBytes(("goodwill " + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        Payment refund = payments.grantGoodwillRefund(refundId, orderId, request.amount(), request.reason());
        return ResponseEntity.created(URI.create("/api/refunds/" + refund.getId()))
                .body(RefundView.of(refund));
    }

    record GoodwillRefundRequest(
            @Schema(example = "10.00") @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Schema(example = "Parcel arrived two weeks late")
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be text on one line")
            String reason) {}

    @PostMapping("/api/refunds/{refundId}/settlement")
    @ApiResponse(responseCode = "409", description = "The refund is not owed: settled before (by whom and when)")
    RefundView settle(@PathVariable String refundId, @Valid @RequestBody Settlement settlement, Principal staff) {
        try {
            return RefundView.of(inbox.decide(
                    StaffWait.REFUND_OWED,
                    refundId,
                    staff.getName(),
                    SETTLED_WITH + settlement.bankReference(),
                    Payment::getOrderId,
                    () -> payments.settleRefund(refundId, settlement.bankReference(), staff.getName())));
        } catch (AlreadyDecidedException decided) {
            if (sentAgain(decided.decision(), staff, settlement)) {
                return refund(refundId);
            }
            throw decided;
        } catch (UnknownRefundException unknown) {
            throw new NotFoundException(unknown.getMessage());
        } catch (RefundNotOwedException notOwed) {
            throw new ConflictException(notOwed.getMessage());
        }
    }

    /** The same client's settlement sent again (a timeout, a double click) answers as the first time. */
    private static boolean sentAgain(Decision decision, Principal staff, Settlement settlement) {
        return decision.decidedBy().equals(staff.getName())
                && decision.outcome().equals(SETTLED_WITH + settlement.bankReference());
    }

    record Settlement(
            @Schema(example = "TRANSFER-2026-0042")
            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "[\\p{Graph} ]+", message = "must be printable text on one line")
            String bankReference) {}

    /**
     * @param kind        REFUND (after a cancellation) or GOODWILL_REFUND
     * @param reason      why staff granted a goodwill refund
     * @param paidOutWith the provider's refund reference, or the bank reference staff settled it with
     */
    record RefundView(
            String refundId,
            String orderId,
            String kind,
            String reason,
            String status,
            BigDecimal amount,
            String currency,
            Instant owedSince,
            Instant settledAt,
            String paidOutWith,
            String settledBy) {

        static RefundView of(Payment refund) {
            return new RefundView(
                    refund.getId(),
                    refund.getOrderId(),
                    refund.getKind().name(),
                    refund.getReason(),
                    refund.getStatus().name(),
                    refund.getAmount(),
                    refund.getCurrency(),
                    refund.getCreatedAt(),
                    refund.getCompletedAt(),
                    refund.getProviderReference(),
                    refund.getSettledBy());
        }
    }
}
