package io.nurture.payment.web;

import io.nurture.payment.Reconciliation;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money invariant on demand: every order whose money has come to rest, against its state and
 * the provider; all of them, or those placed since {@code placedSince}.
 */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/reconciliation")
    Reconciliation.Report reconcile(@RequestParam(required = false) Instant placedSince) {
        return reconciliation.run(placedSince == null ? Instant.EPOCH : placedSince);
    }
}
