package io.nurture.order;

/**
 * A step found its order's cancellation requested. The cancellation message reaches the engine
 * only after the request committed, so a step can see the request first; it must not carry on
 * (a shipped order would leave the part of the process the message interrupts). The job ends with
 * the BPMN error "Order cannot proceed", which starts the same compensation the message would.
 */
public class CancellationRequestedException extends RuntimeException {

    public CancellationRequestedException(String orderId) {
        super("Order " + orderId + " is being cancelled");
    }
}
