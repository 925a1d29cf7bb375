package io.nurture.customer.web;

import io.nurture.api.NotFoundException;
import io.nurture.api.TimeZoneId;
import io.nurture.customer.ConsentTopic;
import io.nurture.customer.Consents;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.customer.LifecycleStage;
import io.nurture.customer.TimeZones;
import io.nurture.engagement.CustomerSegment;
import io.nurture.order.PurchaseFacts;
import io.nurture.order.PurchaseHistory;
import io.nurture.survey.SurveyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final Consents consents;

    CustomerController(
            CustomerService customers,
            PurchaseHistory purchases,
            CustomerSegment segments,
            SurveyService surveys,
            Consents consents) {
        this.consents = consents;
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

    /** What the customer asked staff to set; every consent change is recorded with the staff client. */
    @PutMapping("/preferences")
    Preferences preferences(
            @PathVariable String customerId, @Valid @RequestBody Preferences preferences, Principal staff) {
        customers
                .setPreferences(
                        customerId,
                        preferences.marketingConsent(),
                        preferences.topics() == null ? Map.of() : preferences.topics(),
                        TimeZones.parse(preferences.timeZone()).orElse(null),
                        staff.getName())
                .orElseThrow(() -> unknown(customerId));
        return preferences;
    }

    @Operation(summary = "The customer's consents and how they came about", description = """
                    Whether marketing consent holds, each topic (OFFERS, REVIEWS_AND_REFERRALS, NEWS) with its \
                    wording and whether it holds (a topic holds while marketing consent does, unless the customer \
                    left it), and every change, oldest first: topic (null: marketing as a whole), given or \
                    withdrawn, source (ORDER_FORM, LINK, PAGE, STAFF, SIGN_UP, IMPORT), the wording shown, when, and the \
                    staff client for a change staff made.""")
    @GetMapping("/consents")
    ConsentsView consents(@PathVariable String customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> unknown(customerId));
        return new ConsentsView(
                customer.hasMarketingConsent(),
                consents.topicsOf(customerId).entrySet().stream()
                        .map(topic -> new ConsentsView.Topic(
                                topic.getKey(),
                                topic.getKey().wording(),
                                customer.hasMarketingConsent() && topic.getValue()))
                        .toList(),
                consents.historyOf(customerId));
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

    /** Each topic with {@code holds}: whether marketing of that topic may go to the customer now. */
    record ConsentsView(boolean marketingConsent, List<Topic> topics, List<Consents.Change> changes) {
        record Topic(ConsentTopic topic, String wording, boolean holds) {}
    }

    record Preferences(
            @Schema(example = "true") @NotNull Boolean marketingConsent,

            @Schema(description = "topics the customer keeps (true) or leaves (false); unchanged when absent")
            Map<ConsentTopic, @NotNull Boolean> topics,

            @Schema(description = "the customer's time zone; unchanged when absent", example = "Asia/Tokyo") @TimeZoneId
            String timeZone) {}
}
