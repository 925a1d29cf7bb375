package io.nurture.returns.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.api.IdempotencyKeys;
import io.nurture.api.InvalidRequestException;
import io.nurture.inbox.StaffInbox;
import io.nurture.processes.StaffWait;
import io.nurture.returns.CustomerReturn;
import io.nurture.returns.Inspection;
import io.nurture.returns.NewReturn;
import io.nurture.returns.Remedy;
import io.nurture.returns.ReturnReason;
import io.nurture.returns.ReturnService;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns: asked for by a shop system or staff for a delivered order, decided by the return
 * eligibility table (or staff, when it asks them to review), inspected by staff when the parcel is
 * back, and refunded through the order's money ledger.
 */
@RestController
class ReturnController {

    private final ReturnService returns;
    private final StaffInbox inbox;
    private final ObjectMapper json;

    ReturnController(ReturnService returns, StaffInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.returns = returns;
        this.json = json;
    }

    /**
     * Asks for a return. With an Idempotency-Key, a request sent again (a timeout, a double click)
     * answers the same return instead of asking twice.
     */
    @PostMapping("/api/orders/{orderId}/returns")
    @ApiResponse(responseCode = "201", description = "Asked for (or asked before under this key)")
    @ApiResponse(
            responseCode = "400",
            description =
                    "A field is invalid: an order not delivered (orderId), a product not in the order, more than was"
                            + " delivered and not returned")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "422", description = "The key asked for a return with another order or other lines")
    ResponseEntity<ReturnView> request(
            @PathVariable String orderId,
            @Valid @RequestBody ReturnRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal client) {
        String key = IdempotencyKeys.ofClient(client.getName(), idempotencyKey);
        String returnId = key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("return " + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
        CustomerReturn asked = returns.request(new NewReturn(
                returnId,
                orderId,
                request.remedy() == null ? Remedy.REFUND : request.remedy(),
                key == null ? null : IdempotencyKeys.fingerprint(json, request),
                request.lines().stream()
                        .map(line -> new NewReturn.Line(line.sku(), line.quantity(), line.reason(), line.comment()))
                        .toList()));
        return ResponseEntity.created(URI.create("/api/returns/" + asked.getId()))
                .body(ReturnView.of(asked));
    }

    /** @param remedy REFUND (the default) or REPLACEMENT: the accepted items shipped again at no cost */
    record ReturnRequest(
            @NotEmpty @Size(max = 50) List<@Valid @NotNull RequestedLine> lines,
            @Schema(example = "REFUND") Remedy remedy) {}

    record RequestedLine(
            @Schema(example = "MCH-DRIP") @NotBlank @Size(max = 64)
            String sku,

            @Schema(example = "1") @NotNull @Min(1) @Max(1000)
            Integer quantity,

            @Schema(example = "CHANGED_MIND") @NotNull ReturnReason reason,

            @Schema(example = "Too big for our kitchen") @Size(max = 500)
            String comment) {}

    @GetMapping("/api/returns/{returnId}")
    ReturnView get(@PathVariable String returnId) {
        return ReturnView.of(returns.get(returnId));
    }

    /** Staff approve or refuse a return the eligibility table sent to review; a refusal's note is what the customer reads. */
    @PostMapping("/api/returns/{returnId}/review")
    @ApiResponse(
            responseCode = "409",
            description = "The return is not waiting for a review (decided: by whom and when)")
    ReturnView review(@PathVariable String returnId, @Valid @RequestBody Review review, Principal staff) {
        if (!review.approved() && (review.note() == null || review.note().isBlank())) {
            throw new InvalidRequestException("note", "is required to refuse a return: the customer reads it");
        }
        boolean approved = review.approved();
        return ReturnView.of(inbox.decide(
                StaffWait.RETURN_REVIEW,
                returnId,
                staff.getName(),
                approved ? "Approved the return" : "Refused the return: " + review.note(),
                CustomerReturn::getOrderId,
                () -> returns.review(returnId, approved, review.note(), staff.getName())));
    }

    record Review(
            @Schema(example = "false") @NotNull Boolean approved,

            @Schema(example = "The machine shows signs of use")
            @Size(max = 300)
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be text on one line")
            String note) {}

    /**
     * Staff record what they found in a parcel that is back: per product, how many they accept and
     * whether those can be sold again. Products not listed are accepted none of.
     */
    @PostMapping("/api/returns/{returnId}/inspection")
    @ApiResponse(responseCode = "400", description = "A product not in the return, or more accepted than sent back")
    @ApiResponse(
            responseCode = "409",
            description = "The parcel is not back, or was inspected already (by whom and when)")
    ReturnView inspect(
            @PathVariable String returnId, @Valid @RequestBody InspectionRequest inspection, Principal staff) {
        Inspection found = new Inspection(
                inspection.lines().stream()
                        .map(line -> new Inspection.Line(line.sku(), line.accepted(), line.sellable()))
                        .toList(),
                inspection.note());
        return ReturnView.of(inbox.decide(
                StaffWait.RETURN_INSPECTION,
                returnId,
                staff.getName(),
                "Inspected the parcel",
                CustomerReturn::getOrderId,
                () -> returns.inspect(returnId, found, staff.getName())));
    }

    record InspectionRequest(
            @NotNull @Size(max = 50) List<@Valid @NotNull InspectedLine> lines,

            @Schema(example = "Box opened, machine unused") @Size(max = 500)
            String note) {}

    record InspectedLine(
            @Schema(example = "MCH-DRIP") @NotBlank @Size(max = 64)
            String sku,

            @Schema(example = "1") @NotNull @Min(0) @Max(1000)
            Integer accepted,

            @Schema(example = "true") @NotNull Boolean sellable) {}
}
