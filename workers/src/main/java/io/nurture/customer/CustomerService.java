package io.nurture.customer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the customers are and what they agreed to; their stages move through {@link LifecycleService}. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final StageTransitionRepository transitions;
    private final Clock clock;

    CustomerService(CustomerRepository customers, StageTransitionRepository transitions, Clock clock) {
        this.customers = customers;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(String customerId) {
        return customers.findById(customerId);
    }

    /** The customer with this e-mail address, registered now if they are new. */
    @Transactional
    public Customer findOrRegister(String email, String name) {
        return customers.findByEmail(email).orElseGet(() -> customers.save(new Customer(email, name, clock.instant())));
    }

    @Transactional
    public Optional<Customer> setMarketingConsent(String customerId, boolean consent) {
        return customers.findForUpdate(customerId).map(customer -> {
            customer.setMarketingConsent(consent);
            return customer;
        });
    }

    /** The customer's stage changes, oldest first. */
    @Transactional(readOnly = true)
    public List<StageTransition> stagesOf(String customerId) {
        return transitions.findByCustomerIdOrderByAtAscIdAsc(customerId);
    }
}
