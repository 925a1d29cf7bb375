package io.nurture.privacy.web;

import io.nurture.carecase.CareCaseService;
import io.nurture.coupon.CouponService;
import io.nurture.customer.ConsentRequests;
import io.nurture.customer.Consents;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.engagement.EngagementLog;
import io.nurture.notification.NotificationService;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.privacy.Erasure;
import io.nurture.privacy.Erasures;
import io.nurture.shopevent.ShopEvents;
import io.nurture.suppression.Suppressions;
import io.nurture.survey.SurveyService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gathers what every capability holds about one customer, for the person to read or take elsewhere. */
@Component
class PersonalDataExport {

    private static final int MOST_EVENTS = 10_000;

    private final CustomerService customers;
    private final ConsentRequests consents;
    private final Consents consentHistory;
    private final OrderService orders;
    private final NotificationService messages;
    private final SurveyService surveys;
    private final CouponService coupons;
    private final CareCaseService careCases;
    private final ShopEvents shopEvents;
    private final EngagementLog journeys;
    private final Suppressions suppressions;
    private final Erasures erasures;

    PersonalDataExport(
            CustomerService customers,
            ConsentRequests consents,
            Consents consentHistory,
            OrderService orders,
            NotificationService messages,
            SurveyService surveys,
            CouponService coupons,
            CareCaseService careCases,
            ShopEvents shopEvents,
            EngagementLog journeys,
            Suppressions suppressions,
            Erasures erasures) {
        this.customers = customers;
        this.consents = consents;
        this.consentHistory = consentHistory;
        this.orders = orders;
        this.messages = messages;
        this.surveys = surveys;
        this.coupons = coupons;
        this.careCases = careCases;
        this.shopEvents = shopEvents;
        this.journeys = journeys;
        this.suppressions = suppressions;
        this.erasures = erasures;
    }

    record Export(
            Instant exportedAt,
            Person customer,
            Erasure erasure,
            List<Consents.Change> consents,
            List<ConsentRequests.Consent> signUps,
            List<OrderRecord> orders,
            List<MessageRecord> messages,
            List<SurveyRecord> surveys,
            List<CouponRecord> coupons,
            List<CareCaseRecord> careCases,
            List<ShopEvents.Seen> shopEvents,
            List<StageRecord> stages,
            List<StepRecord> journeySteps) {}

    /** @param suppressed whether no mail goes to the address (it bounced, or they complained) */
    record Person(
            String customerId,
            String email,
            String name,
            String stage,
            boolean marketingConsent,
            boolean unsubscribed,
            String timeZone,
            Instant registeredAt,
            boolean suppressed) {}

    record OrderRecord(
            String orderId,
            String status,
            BigDecimal total,
            String currency,
            Instant placedAt,
            Address shippingAddress,
            List<Line> lines,
            List<TimelineRecord> timeline) {}

    record Address(String line1, String city, String postalCode, String country) {}

    record Line(String sku, int quantity, BigDecimal amount) {}

    record TimelineRecord(Instant at, String status, String note) {}

    record MessageRecord(
            String template,
            String category,
            String subject,
            String body,
            Instant sentAt,
            String orderId,
            boolean suppressed) {}

    record SurveyRecord(String orderId, String status, Integer score, String comment, Instant sentAt) {}

    record CouponRecord(String code, String kind, BigDecimal value, Instant expiresAt, boolean redeemed) {}

    record CareCaseRecord(String orderId, String status, int score, Instant openedAt, String resolution) {}

    record StageRecord(String from, String to, Instant at, String cause) {}

    record StepRecord(String step, String outcome, String reason, String orderId, Instant at) {}

    /** In one read-only transaction: one consistent picture, and the orders' lines and timelines load. */
    @Transactional(readOnly = true)
    Optional<Export> of(String customerId) {
        return customers
                .find(customerId)
                .map(customer -> new Export(
                        Instant.now(),
                        person(customer),
                        erasures.of(customerId).orElse(null),
                        consentHistory.historyOf(customerId),
                        consents.of(customerId),
                        orders.of(customerId).stream()
                                .map(PersonalDataExport::order)
                                .toList(),
                        messages.sentToCustomer(customerId).stream()
                                .map(m -> new MessageRecord(
                                        m.getTemplate(),
                                        m.getCategory().name(),
                                        m.getSubject(),
                                        m.getBody(),
                                        m.getSentAt(),
                                        m.getOrderId(),
                                        m.isSuppressed()))
                                .toList(),
                        surveys.surveysOf(customerId).stream()
                                .map(s -> new SurveyRecord(
                                        s.getOrderId(),
                                        s.getStatus().name(),
                                        s.getScore(),
                                        s.getComment(),
                                        s.getSentAt()))
                                .toList(),
                        coupons.couponsOf(customerId).stream()
                                .map(c -> new CouponRecord(
                                        c.getCode(), c.getKind(), c.getValue(), c.getExpiresAt(), c.isRedeemed()))
                                .toList(),
                        careCases.casesOf(customerId).stream()
                                .map(c -> new CareCaseRecord(
                                        c.getOrderId(),
                                        c.getStatus(),
                                        c.getScore(),
                                        c.getOpenedAt(),
                                        c.getResolution()))
                                .toList(),
                        shopEvents.latestOf(customerId, MOST_EVENTS),
                        customers.stagesOf(customerId).stream()
                                .map(t -> new StageRecord(
                                        String.valueOf(t.getFromStage()),
                                        t.getToStage().name(),
                                        t.getAt(),
                                        t.getCause()))
                                .toList(),
                        journeys.stepsOf(customerId).stream()
                                .map(s -> new StepRecord(
                                        s.getStep(), s.getOutcome(), s.getReason(), s.getOrderId(), s.getAt()))
                                .toList()));
    }

    private Person person(Customer customer) {
        return new Person(
                customer.getId(),
                customer.getEmail(),
                customer.getName(),
                customer.getStage().name(),
                customer.hasMarketingConsent(),
                customer.isUnsubscribed(),
                customer.getTimeZone().getId(),
                customer.getCreatedAt(),
                suppressions.reasonFor(customer.getEmail()).isPresent());
    }

    private static OrderRecord order(Order order) {
        var address = order.getShippingAddress();
        return new OrderRecord(
                order.getId(),
                order.getStatus().name(),
                order.getTotal(),
                order.getCurrency(),
                order.getCreatedAt(),
                new Address(address.line1(), address.city(), address.postalCode(), address.country()),
                order.getLines().stream()
                        .map(line -> new Line(line.getSku(), line.getQuantity(), line.getAmount()))
                        .toList(),
                order.getTimeline().stream()
                        .map(entry -> new TimelineRecord(
                                entry.getAt(), entry.getStatus().name(), entry.getNote()))
                        .toList());
    }
}
