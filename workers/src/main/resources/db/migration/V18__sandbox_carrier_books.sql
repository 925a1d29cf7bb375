-- The sandbox carrier's own books, as a real carrier keeps them: a parcel booked stays booked when
-- Nurture's step that asked for it dies, and asking again under its key answers the same parcel,
-- across restarts too.
CREATE TABLE sandbox_carrier_bookings (
    booking_key      VARCHAR(100) NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)  NOT NULL,
    cancelled        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       DATETIME(6)  NOT NULL
);
