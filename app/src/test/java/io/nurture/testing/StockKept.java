package io.nurture.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A product kept in stock for each test of a class that must not run out of it, and put back to
 * what it was after: the shared app's other tests count that product's stock. Registered as
 * {@code @RegisterExtension final StockKept tea = new StockKept("TEA-SENCHA-100", 20);}.
 */
public final class StockKept implements BeforeEachCallback, AfterEachCallback {

    private final String sku;
    private final int stock;
    private int before;

    public StockKept(String sku, int stock) {
        this.sku = sku;
        this.stock = stock;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Shop shop = shop(context);
        before = shop.available(sku);
        shop.setStock(sku, stock);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        shop(context).setStock(sku, before);
    }

    private static Shop shop(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(Shop.class);
    }
}
