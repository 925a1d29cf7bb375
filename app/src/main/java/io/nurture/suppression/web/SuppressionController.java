package io.nurture.suppression.web;

import io.nurture.api.NotFoundException;
import io.nurture.suppression.Suppressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff see which addresses no mail goes to, and lift a suppression once the customer gave a working address. */
@RestController
class SuppressionController {

    private final Suppressions suppressions;

    SuppressionController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Operation(summary = "Addresses no mail goes to", description = """
                    The suppressions in force, newest first (at most 1000): id (a hash of the address, which is not \
                    kept), the customer it belonged to when it was suppressed (null when Nurture knew none), reason \
                    (HARD_BOUNCE, COMPLAINT, SOFT_BOUNCES) and since when. With email, only that address's.""")
    @GetMapping("/api/suppressions")
    List<Suppressions.Suppression> active(@RequestParam Optional<String> email) {
        return suppressions.active(email);
    }

    @Operation(summary = "Lift a suppression: mail may go to the address again", description = """
                    Recorded with who lifted it. A later bounce or complaint suppresses the address again.""")
    @DeleteMapping("/api/suppressions/{id}")
    @ApiResponse(responseCode = "204", description = "Lifted")
    @ApiResponse(responseCode = "404", description = "No suppression in force with this id")
    ResponseEntity<Void> lift(@PathVariable String id, Principal staff) {
        if (!suppressions.lift(id, staff.getName())) {
            throw new NotFoundException("No suppression in force with id " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
