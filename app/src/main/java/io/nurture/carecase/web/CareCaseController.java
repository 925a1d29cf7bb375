package io.nurture.carecase.web;

import io.nurture.api.NotFoundException;
import io.nurture.carecase.CareCase;
import io.nurture.carecase.CareCaseService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    CareCaseController(CareCaseService careCases) {
        this.careCases = careCases;
    }

    @GetMapping("/api/care-cases")
    List<CareCaseView> list(@RequestParam(required = false) @Pattern(regexp = "OPEN|RESOLVED") String status) {
        return careCases.list(Optional.ofNullable(status)).stream()
                .map(CareCaseView::of)
                .toList();
    }

    @PostMapping("/api/care-cases/{caseId}/resolution")
    ResponseEntity<CareCaseView> resolve(@PathVariable String caseId, @Valid @RequestBody Resolution resolution) {
        CareCase resolved = careCases
                .resolve(caseId, resolution.note())
                .orElseThrow(() -> new NotFoundException("No care case " + caseId));
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
