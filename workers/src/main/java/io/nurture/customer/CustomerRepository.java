package io.nurture.customer;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findByUnsubscribeToken(String unsubscribeToken);

    Optional<Customer> findByEmail(String email);

    /** A page of the ids of customers not erased who were registered before the cutoff, after an id. */
    @Query("select c.id from Customer c where c.erasedAt is null and c.createdAt < :cutoff and c.id > :after"
            + " order by c.id")
    List<String> notErasedRegisteredBefore(Instant cutoff, String after, Limit limit);

    /** Those of the customers who may not get mail that needs consent: {@link Customer#canGetMarketing} in JPQL. */
    @Query("select c.id from Customer c where c.id in :ids"
            + " and (c.marketingConsent = false or c.unsubscribedAt is not null or c.erasedAt is not null)")
    List<String> withoutMarketingConsent(Collection<String> ids);

    /**
     * The customer with this address, locked. Read as a list: for an absent {@code Optional} Spring
     * Data lets Hibernate throw a {@code NoResultException} and catches it, once for every order of a
     * new customer (docs/performance.md, issue 27's twenty-fourth part).
     */
    default Optional<Customer> findForUpdateByEmail(String email) {
        return lockedWithEmail(email).stream().findFirst();
    }

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.email = :email")
    List<Customer> lockedWithEmail(String email);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.unsubscribeToken = :unsubscribeToken")
    Optional<Customer> findForUpdateByUnsubscribeToken(String unsubscribeToken);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> findForUpdate(String id);
}
