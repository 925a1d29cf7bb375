package io.nurture.privacy;

/** The customer still has business under way (an order not finished, a return not settled): erase afterwards. */
public class ErasureRefusedException extends RuntimeException {

    public ErasureRefusedException(String message) {
        super(message);
    }
}
