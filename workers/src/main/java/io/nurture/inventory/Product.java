package io.nurture.inventory;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A catalogue item and its stock: {@code available} can be promised, {@code reserved} is held for orders. */
@Entity
@Table(name = "products")
public class Product extends AssignedIdEntity {

    @Id
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private BigDecimal price;

    @Column(nullable = false)
    private String currency;

    /** FOOD (tea, coffee) or EQUIPMENT, for rules such as which goods come back. */
    @Column(nullable = false, insertable = false, updatable = false)
    private String category;

    @Column(nullable = false)
    private int available;

    @Column(nullable = false)
    private int reserved;

    @Version
    private long version;

    protected Product() {}

    void restock(int quantity) {
        available += quantity;
    }

    void setAvailable(int newAvailable) {
        available = newAvailable;
    }

    public String getSku() {
        return sku;
    }

    public boolean isFood() {
        return "FOOD".equals(category);
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public int getAvailable() {
        return available;
    }

    /** Moves with every change of the stock: what a staff client read is still current when this matches. */
    public long getVersion() {
        return version;
    }

    public int getReserved() {
        return reserved;
    }

    @Override
    public String getId() {
        return sku;
    }
}
