package io.nurture.shipping;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentEventRepository extends JpaRepository<ShipmentEvent, Long> {

    boolean existsByTrackingNumberAndType(String trackingNumber, CarrierEventType type);
}
