package io.nurture.privacy.web;

import io.nurture.api.ConflictException;
import io.nurture.api.NotFoundException;
import io.nurture.privacy.Erasure;
import io.nurture.privacy.ErasureRefusedException;
import io.nurture.privacy.Erasures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's rights over their data, exercised by staff on their request: erasure (art. 17) and export (art. 15, 20). */
@RestController
class PersonalDataController {

    private final Erasures erasures;
    private final PersonalDataExport export;

    PersonalDataController(Erasures erasures, PersonalDataExport export) {
        this.erasures = erasures;
        this.export = export;
    }

    @Operation(summary = "Erase the customer's personal data", description = """
                    Name, e-mail address, shipping addresses, what the customer and staff wrote (survey comments, \
                    return comments and notes, care case notes, staff notes on orders), the mails' addresses, \
                    subjects and texts, shop events, anonymous ids and carts are removed; unused coupons expire; \
                    the customer's running journeys end. Orders, amounts, scores and stage history stay, without \
                    personal data, for the books and the metrics. Recorded with who asked and what changed (counts, \
                    no data). Asking again answers the first erasure. A later order with the same address makes \
                    a new customer.""")
    @PostMapping("/api/customers/{customerId}/erasure")
    @ApiResponse(responseCode = "200", description = "Erased, now or before: who asked, when, what changed")
    @ApiResponse(responseCode = "404", description = "No such customer")
    @ApiResponse(responseCode = "409", description = "An order or a return of theirs is still under way")
    Erasure erase(@PathVariable String customerId, Principal staff) {
        try {
            return erasures.erase(customerId, staff.getName())
                    .orElseThrow(() -> new NotFoundException("No customer " + customerId));
        } catch (ErasureRefusedException underWay) {
            throw new ConflictException(underWay.getMessage());
        }
    }

    @Operation(summary = "Everything Nurture holds about the customer, in one answer", description = """
                    The customer, their consents (with the wording shown and when they confirmed), orders (lines, \
                    shipping address, timeline), messages (with their text), surveys (with comments), coupons, \
                    care cases, shop events, lifecycle stages and journey steps, and whether their address is \
                    suppressed. After an erasure, what is left (ids, amounts, dates).""")
    @GetMapping("/api/customers/{customerId}/export")
    @ApiResponse(responseCode = "404", description = "No such customer")
    PersonalDataExport.Export export(@PathVariable String customerId) {
        return export.of(customerId).orElseThrow(() -> new NotFoundException("No customer " + customerId));
    }
}
