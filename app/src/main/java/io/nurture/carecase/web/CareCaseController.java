package io.nurture.carecase.web;

import io.nurture.api.NotFoundException;
import io.nurture.carecase.CareCase;
import io.nurture.carecase.CareCaseService;
import io.nurture.inbox.StaffInbox;
import io.nurture.processes.StaffWait;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Care cases opened for detractors, for staff to resolve. */
@RestController
class CareCaseController {

    private final CareCaseService careCases;
    private final StaffInbox inbox;

    CareCaseController(CareCaseService careCases, StaffInbox inbox) {
        this.careCases = careCases;
        this.inbox = inbox;
    }

    @GetMapping("/api/care-cases")
    List<CareCaseView> list(@RequestParam(required = false) @Pattern(regexp = "OPEN|RESOLVED") String status) {
        return careCases.list(Optional.ofNullable(status)).stream()
                .map(CareCaseView::of)
                .toList();
    }

    @PostMapping("/api/care-cases/{caseId}/resolution")
    @ApiResponse(responseCode = "409", description = "The case is resolved already: by whom and when")
    ResponseEntity<CareCaseView> resolve(
            @PathVariable String caseId, @Valid @RequestBody Resolution resolution, Principal staff) {
        CareCase resolved = inbox.decide(
                StaffWait.CARE_CASE,
                caseId,
                staff.getName(),
                "Resolved: " + resolution.note(),
                CareCase::getOrderId,
                () -> careCases
                        .resolve(caseId, resolution.note(), staff.getName())
                        .orElseThrow(() -> new NotFoundException("No care case " + caseId)));
        return ResponseEntity.accepted().body(CareCaseView.of(resolved));
    }

    record Resolution(
            @Schema(example = "Called the customer and sent a replacement") @NotBlank @Size(max = 1000)
            String note) {}

    record CareCaseView(
            String id,
            String customerId,
            String orderId,
            String status,
            int score,
            Instant openedAt,
            String resolution) {
        static CareCaseView of(CareCase c) {
            return new CareCaseView(
                    c.getId(),
                    c.getCustomerId(),
                    c.getOrderId(),
                    c.getStatus(),
                    c.getScore(),
                    c.getOpenedAt(),
                    c.getResolution());
        }
    }
}
