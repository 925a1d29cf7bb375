package io.nurture.inbox.web;

import io.nurture.inbox.Claim;
import io.nurture.inbox.StaffInbox;
import io.nurture.processes.StaffWait;
import io.nurture.reporting.Inbox;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff inbox: everything waiting for a person, most urgent first, and claims that tell
 * colleagues who is on an item. The decisions are made where each item lives (an order's review,
 * a care case's resolution, a refund's settlement, a return's review or inspection).
 */
@RestController
class InboxController {

    private final Inbox inbox;
    private final StaffInbox staffInbox;

    InboxController(Inbox inbox, StaffInbox staffInbox) {
        this.inbox = inbox;
        this.staffInbox = staffInbox;
    }

    @GetMapping("/api/inbox")
    List<Inbox.Item> waiting(
            @Parameter(description = "Only this kind of wait") @RequestParam(required = false) StaffWait kind,
            @Parameter(description = "Only the items of this order")
                    @RequestParam(required = false)
                    @Size(max = 36)
                    @Pattern(regexp = "[\\w-]+", message = "must be an order id")
                    String orderId) {
        return inbox.waiting(Optional.ofNullable(kind)).stream()
                .filter(item -> orderId == null || orderId.equals(item.orderId()))
                .toList();
    }

    /** Claims the item for the caller (or renews the caller's claim) until it lapses. */
    @PostMapping("/api/inbox/{kind}/{subjectId}/claim")
    @ApiResponse(
            responseCode = "409",
            description = "A colleague's claim holds, or the item was decided (by whom and when)")
    @ApiResponse(responseCode = "404", description = "Nothing of this kind waits under this id")
    Claim claim(@PathVariable StaffWait kind, @PathVariable @Size(max = 36) String subjectId, Principal staff) {
        return staffInbox.claim(kind, subjectId, staff.getName(), () -> inbox.waits(kind, subjectId));
    }

    /** Gives the caller's claim up; a colleague's stays. */
    @DeleteMapping("/api/inbox/{kind}/{subjectId}/claim")
    ResponseEntity<Void> release(
            @PathVariable StaffWait kind, @PathVariable @Size(max = 36) String subjectId, Principal staff) {
        staffInbox.release(kind, subjectId, staff.getName());
        return ResponseEntity.noContent().build();
    }
}
