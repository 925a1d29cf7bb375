package io.nurture.carecase;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.OrderService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CareCaseService {

    private final CareCaseRepository cases;
    private final ProcessMessages messages;
    private final OrderService orders;
    private final Clock clock;

    CareCaseService(CareCaseRepository cases, ProcessMessages messages, OrderService orders, Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.orders = orders;
        this.clock = clock;
    }

    /** The customer's care cases, oldest first. */
    @Transactional(readOnly = true)
    public List<CareCase> casesOf(String customerId) {
        return cases.findByCustomerIdOrderByOpenedAtAsc(customerId);
    }

    @Transactional
    public CareCase open(String customerId, String orderId, int score) {
        return cases.findByOrderId(orderId)
                .orElseGet(() -> cases.save(new CareCase(customerId, orderId, score, clock.instant())));
    }

    @Transactional(readOnly = true)
    public List<CareCase> list(Optional<String> status) {
        return status.map(cases::findByStatusOrderByOpenedAtAsc).orElseGet(cases::findAllByOrderByOpenedAtAsc);
    }

    /** Resolves an open case and lets the waiting journey go on; empty when there is no such case. */
    @Transactional
    public Optional<CareCase> resolve(String caseId, String note, String staffClient) {
        return cases.findForUpdate(caseId).map(careCase -> {
            if (!CareCase.OPEN.equals(careCase.getStatus())) {
                throw new CareCaseClosedException(caseId, careCase.getStatus());
            }
            careCase.resolve(note, clock.instant());
            orders.noteDecision(orders.lock(careCase.getOrderId()), "Care case resolved: " + gist(note), staffClient);
            messages.careCaseResolved(careCase.getOrderId(), caseId);
            return careCase;
        });
    }

    /** The case keeps the whole note; the order's timeline line, its start. */
    private static String gist(String note) {
        return note.length() <= 400 ? note : note.substring(0, 399) + "…";
    }
}
