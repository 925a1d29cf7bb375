package io.nurture.customer.web;

import io.nurture.api.NotFoundException;
import io.nurture.api.TimeZoneId;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.customer.LifecycleStage;
import io.nurture.customer.TimeZones;
import io.nurture.engagement.CustomerSegment;
import io.nurture.order.PurchaseFacts;
import io.nurture.order.PurchaseHistory;
import io.nurture.survey.SurveyService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of a customer: where they stand and what they agreed to. */
@RestController
@RequestMapping("/api/customers/{customerId}")
class CustomerController {

    private final CustomerService customers;
    private final PurchaseHistory purchases;
    private final CustomerSegment segments;
    private final SurveyService surveys;

    CustomerController(
            CustomerService customers, PurchaseHistory purchases, CustomerSegment segments, SurveyService surveys) {
        this.customers = customers;
        this.purchases = purchases;
        this.segments = segments;
        this.surveys = surveys;
    }

    @GetMapping
    CustomerView customer(@PathVariable String customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> unknown(customerId));
        PurchaseFacts facts = purchases.facts(customerId);
        return new CustomerView(
                customer.getId(),
                customer.getEmail(),
                customer.getStage(),
                segments.of(facts).orElse(null),
                facts.orderCount(),
                facts.totalSpent(),
                purchases.lastOrderAt(customerId).orElse(null),
                surveys.lastScore(customerId).orElse(null),
                customer.hasMarketingConsent(),
                customer.getMarketingConsentChangedAt(),
                customer.getTimeZone().getId());
    }

    @PutMapping("/preferences")
    Preferences preferences(@PathVariable String customerId, @Valid @RequestBody Preferences preferences) {
        customers
                .setPreferences(
                        customerId,
                        preferences.marketingConsent(),
                        TimeZones.parse(preferences.timeZone()).orElse(null))
                .orElseThrow(() -> unknown(customerId));
        return preferences;
    }

    static NotFoundException unknown(String customerId) {
        return new NotFoundException("No customer " + customerId);
    }

    record CustomerView(
            String customerId,
            String email,
            LifecycleStage stage,
            String segment,
            long orders,
            BigDecimal totalSpent,
            Instant lastOrderAt,
            Integer lastNps,
            boolean marketingConsent,
            Instant marketingConsentChangedAt,
            String timeZone) {}

    record Preferences(
            @Schema(example = "true") @NotNull Boolean marketingConsent,

            @Schema(description = "the customer's time zone; unchanged when absent", example = "Asia/Tokyo") @TimeZoneId
            String timeZone) {}
}
