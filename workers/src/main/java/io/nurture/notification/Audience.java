package io.nurture.notification;

/** Who a message is for: the order's customer, or the operations team. */
enum Audience {
    CUSTOMER,
    OPS
}
