package io.nurture.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.nurture.api.NotFoundException;
import io.nurture.engagement.CouponRepository;
import io.nurture.engagement.EngagementStepRepository;
import io.nurture.engagement.RetentionService;
import io.nurture.engagement.SurveyRepository;
import io.nurture.engagement.SurveyStatus;
import io.nurture.notification.Audience;
import io.nurture.notification.NotificationRepository;
import io.nurture.processes.CustomerRetention;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of a customer: where they stand, what we sent them, their surveys and coupons. */
@RestController
@RequestMapping("/api/customers/{customerId}")
class CustomerController {

    private final CustomerRepository customers;
    private final StageTransitionRepository transitions;
    private final NotificationRepository notifications;
    private final EngagementStepRepository steps;
    private final SurveyRepository surveys;
    private final CouponRepository coupons;
    private final RetentionService retention;
    private final CamundaClient camunda;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CustomerController(CustomerRepository customers, StageTransitionRepository transitions,
            NotificationRepository notifications, EngagementStepRepository steps, SurveyRepository surveys,
            CouponRepository coupons, RetentionService retention, CamundaClient camunda, JdbcClient jdbc, ObjectMapper json) {
        this.json = json;
        this.customers = customers;
        this.transitions = transitions;
        this.notifications = notifications;
        this.steps = steps;
        this.surveys = surveys;
        this.coupons = coupons;
        this.retention = retention;
        this.camunda = camunda;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Transactional(readOnly = true)
    CustomerView customer(@PathVariable String customerId) {
        Customer customer = find(customerId);
        RetentionService.CustomerFacts facts = retention.facts(customerId);
        Timestamp lastOrder = jdbc.sql("SELECT MAX(created_at) FROM orders WHERE customer_id = :customer")
                .param("customer", customerId).query(Timestamp.class).single();
        Integer lastNps = surveys.findFirstByCustomerIdAndStatusOrderByAnsweredAtDesc(customerId, SurveyStatus.ANSWERED)
                .map(s -> s.getScore()).orElse(null);
        return new CustomerView(customer.getId(), customer.getEmail(), customer.getStage(), segment(facts),
                facts.orderCount(), facts.totalSpent(), lastOrder == null ? null : lastOrder.toInstant(), lastNps, customer.hasMarketingConsent());
    }

    @GetMapping("/journey")
    @Transactional(readOnly = true)
    JourneyView journey(@PathVariable String customerId) {
        find(customerId);
        return new JourneyView(
                transitions.findByCustomerIdOrderByAtAscIdAsc(customerId).stream()
                        .map(t -> new JourneyView.Stage(t.getFromStage(), t.getToStage(), t.getAt(), t.getCause())).toList(),
                steps.findByCustomerIdOrderByAtAscIdAsc(customerId).stream()
                        .map(s -> new JourneyView.Step(s.getStep(), s.getOutcome(), s.getReason(), s.getOrderId(), s.getAt()))
                        .toList());
    }

    @PutMapping("/preferences")
    @Transactional
    Preferences preferences(@PathVariable String customerId, @Valid @RequestBody Preferences preferences) {
        Customer customer = customers.findForUpdate(customerId).orElseThrow(() -> unknown(customerId));
        customer.setMarketingConsent(preferences.marketingConsent());
        return preferences;
    }

    /** Every message sent to the customer, oldest first. */
    @GetMapping("/messages")
    List<SentMessage> messages(@PathVariable String customerId) {
        find(customerId);
        return notifications.findByCustomerIdOrderBySentAtAscIdAsc(customerId).stream()
                .filter(n -> n.getAudience() == Audience.CUSTOMER)
                .map(n -> new SentMessage(n.getChannel(), n.getTemplate(), n.getSubject(), n.getSentAt(), n.getOrderId()))
                .toList();
    }

    @GetMapping("/surveys")
    List<SurveyView> surveys(@PathVariable String customerId) {
        find(customerId);
        return surveys.findByCustomerIdOrderBySentAtAsc(customerId).stream()
                .map(s -> new SurveyView(s.getToken(), s.getOrderId(), s.getStatus(), s.getScore()))
                .toList();
    }

    @GetMapping("/coupons")
    List<CouponView> coupons(@PathVariable String customerId) {
        find(customerId);
        return coupons.findByCustomerIdOrderByIssuedAtAsc(customerId).stream()
                .map(c -> new CouponView(c.getCode(), c.getKind(), c.getValue(), c.getExpiresAt(), c.isRedeemed()))
                .toList();
    }

    /** The segment as the analysts' decision table places the customer today. */
    private String segment(RetentionService.CustomerFacts facts) {
        if (facts.orderCount() == 0) {
            return null;
        }
        String output = camunda.newEvaluateDecisionCommand()
                .decisionId(CustomerRetention.SEGMENT_DECISION_ID)
                .variables(Map.of(
                        CustomerRetention.Variable.TOTAL_SPENT, facts.totalSpent(),
                        CustomerRetention.Variable.ORDER_COUNT, facts.orderCount(),
                        CustomerRetention.Variable.DAYS_SINCE_LAST_ORDER, facts.daysSinceLastOrder()))
                .send()
                .join()
                .getDecisionOutput();
        try {
            return json.readTree(output).path("segment").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable segment decision: " + output, e);
        }
    }

    private Customer find(String customerId) {
        return customers.findById(customerId).orElseThrow(() -> unknown(customerId));
    }

    private static NotFoundException unknown(String customerId) {
        return new NotFoundException("No customer " + customerId);
    }

    record CustomerView(String customerId, String email, LifecycleStage stage, String segment, long orders,
            BigDecimal totalSpent, Instant lastOrderAt, Integer lastNps, boolean marketingConsent) {
    }

    record JourneyView(List<Stage> stages, List<Step> steps) {
        record Stage(LifecycleStage from, LifecycleStage to, Instant at, String cause) {
        }

        record Step(String step, String outcome, String reason, String orderId, Instant at) {
        }
    }

    record Preferences(@Schema(example = "true") @NotNull Boolean marketingConsent) {
    }

    record SentMessage(String channel, String template, String subject, Instant sentAt, String orderId) {
    }

    record SurveyView(String token, String orderId, SurveyStatus status, Integer score) {
    }

    record CouponView(String code, String kind, BigDecimal value, Instant expiresAt, boolean redeemed) {
    }
}
