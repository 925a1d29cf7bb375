package io.nurture.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's prices in plain SQL: every placement reads them, and loading the products as
 * entities for it made the order's commit compare every column of them again
 * (docs/performance.md, issue 27's twenty-first part).
 */
@Component
class PriceList {

    private final JdbcClient db;

    PriceList(JdbcClient db) {
        this.db = db;
    }

    /** The prices of the products with these SKUs that are in the catalogue, by SKU. */
    Map<String, Price> of(Collection<String> skus) {
        return db
                .sql("SELECT sku, price, currency FROM products WHERE sku IN (:skus)")
                .param("skus", skus)
                .query((rs, row) ->
                        Map.entry(rs.getString("sku"), new Price(rs.getBigDecimal("price"), rs.getString("currency"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
