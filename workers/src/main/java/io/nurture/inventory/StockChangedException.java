package io.nurture.inventory;

/** A stock level set for a version of the product that is no longer current. */
public class StockChangedException extends RuntimeException {

    private final long currentVersion;

    StockChangedException(Product product) {
        super("The stock of " + product.getSku() + " changed since it was read (now version " + product.getVersion()
                + ": " + product.getAvailable() + " available, " + product.getReserved() + " reserved); read it again");
        this.currentVersion = product.getVersion();
    }

    public long currentVersion() {
        return currentVersion;
    }
}
