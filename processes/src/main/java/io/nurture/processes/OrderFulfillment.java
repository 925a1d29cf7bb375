package io.nurture.processes;

/**
 * The names {@code order-fulfillment.bpmn} and {@code order-risk.dmn} share with Java: process id,
 * job types, messages, errors and variables. Workers, the API and tests refer to these constants
 * only, so a rename in the model is a rename here.
 */
public final class OrderFulfillment {

    public static final String PROCESS_ID = "order-fulfillment";
    public static final String RISK_DECISION_ID = "order-risk";

    private OrderFulfillment() {}

    public static final class JobType {
        public static final String HOLD_ORDER_FOR_REVIEW = "hold-order-for-review";
        public static final String REJECT_ORDER = "reject-order";
        public static final String RESERVE_STOCK = "reserve-stock";
        public static final String BACKORDER_ORDER = "backorder-order";
        public static final String CHARGE_CARD = "charge-card";
        public static final String ISSUE_INVOICE = "issue-invoice";
        public static final String SEND_PAYMENT_REMINDER = "send-payment-reminder";
        public static final String RECORD_INVOICE_PAYMENT = "record-invoice-payment";
        public static final String REFUND_PAYMENT = "refund-payment";
        public static final String RELEASE_STOCK = "release-stock";
        public static final String CANCEL_ORDER = "cancel-order";
        public static final String CREATE_SHIPMENT = "create-shipment";
        public static final String ALERT_DELIVERY_OVERDUE = "alert-delivery-overdue";
        public static final String CONFIRM_DELIVERY = "confirm-delivery";
        public static final String PUBLISH_ORDER_DELIVERED = "publish-order-delivered";

        private JobType() {}
    }

    /** Messages the process waits for, each correlated by {@link Variable#ORDER_ID}. */
    public static final class Message {
        /** Starts an order's instance; correlated by order id, so one order never runs twice at once. */
        public static final String ORDER_PLACED = "OrderPlaced";

        public static final String REVIEW_DECIDED = "ReviewDecided";
        public static final String STOCK_REPLENISHED = "StockReplenished";
        public static final String INVOICE_PAID = "InvoicePaid";
        public static final String CANCELLATION_REQUESTED = "CancellationRequested";
        public static final String SHIPMENT_DELIVERED = "ShipmentDelivered";
        /** Published when an order is delivered; starts the post-purchase journey. */
        public static final String ORDER_DELIVERED = "OrderDelivered";

        private Message() {}
    }

    public static final class Error {
        public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
        /** "Order cannot proceed": leaves preparation for the compensation (refund, release, cancel). */
        public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

        private Error() {}
    }

    public static final class Variable {
        public static final String ORDER_ID = "orderId";
        public static final String CUSTOMER_ID = "customerId";
        public static final String ORDER_TOTAL = "orderTotal";
        public static final String PAYMENT_METHOD = "paymentMethod";
        public static final String FIRST_ORDER = "firstOrder";
        public static final String COUNTRY_MISMATCH = "countryMismatch";
        public static final String RISK_DECISION = "riskDecision";
        public static final String REVIEW_APPROVED = "reviewApproved";
        public static final String ALL_LINES_RESERVED = "allLinesReserved";
        public static final String CANCEL_REASON = "cancelReason";
        public static final String PAYMENT_AMOUNT = "paymentAmount";
        public static final String PAYMENT_REFERENCE = "paymentReference";
        /** When the carrier reported the delivery (ISO-8601 instant): the post-purchase journey counts from it. */
        public static final String DELIVERED_AT = "deliveredAt";

        private Variable() {}
    }

    /** Why an order was cancelled, as the process records it in {@link Variable#CANCEL_REASON}. */
    public static final class CancelReason {
        public static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";
        public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
        public static final String BACKORDER_EXPIRED = "BACKORDER_EXPIRED";
        public static final String INVOICE_UNPAID = "INVOICE_UNPAID";

        private CancelReason() {}
    }

    public static final class PaymentMethod {
        public static final String CARD = "CARD";
        public static final String INVOICE = "INVOICE";

        private PaymentMethod() {}
    }
}
