package io.nurture.shipping;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReturnParcelRepository extends JpaRepository<ReturnParcel, String> {

    /** Holds the parcel's row lock until the transaction ends: events for one parcel are recorded one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ReturnParcel p where p.trackingNumber = :trackingNumber")
    Optional<ReturnParcel> findForUpdate(String trackingNumber);
}
