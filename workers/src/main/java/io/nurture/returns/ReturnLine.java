package io.nurture.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One product a return sends back: how many, why, and what inspection accepted of it. */
@Entity
@Table(name = "return_lines")
public class ReturnLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReturnReason reason;

    private String comment;

    /** How many inspection accepted; null until inspected. */
    private Integer accepted;

    /** Whether the accepted items can be sold again; null until inspected. */
    private Boolean sellable;

    protected ReturnLine() {}

    ReturnLine(String sku, int quantity, ReturnReason reason, String comment) {
        this.sku = sku;
        this.quantity = quantity;
        this.reason = reason;
        this.comment = comment;
    }

    void inspected(int accepted, boolean sellable) {
        this.accepted = accepted;
        this.sellable = sellable;
    }

    /** What this line takes out of what can still be returned: all asked until inspected, then what was accepted. */
    int claimed() {
        return accepted == null ? quantity : accepted;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public ReturnReason getReason() {
        return reason;
    }

    public String getComment() {
        return comment;
    }

    public Integer getAccepted() {
        return accepted;
    }

    public Boolean getSellable() {
        return sellable;
    }
}
