package io.nurture.customer;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findByUnsubscribeToken(String unsubscribeToken);

    Optional<Customer> findByEmail(String email);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.email = :email")
    Optional<Customer> findForUpdateByEmail(String email);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.unsubscribeToken = :unsubscribeToken")
    Optional<Customer> findForUpdateByUnsubscribeToken(String unsubscribeToken);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> findForUpdate(String id);
}
