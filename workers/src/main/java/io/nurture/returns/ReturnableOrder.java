package io.nurture.returns;

import java.util.List;

/**
 * A delivered order as its return link shows it: each product and how many can still go back, and
 * what the customer may ask for instead.
 *
 * @param replacement whether the order replaced items of another at no cost
 */
public record ReturnableOrder(String orderId, boolean replacement, List<Line> lines) {

    public record Line(String sku, String name, int returnable) {}

    public boolean anythingLeft() {
        return lines.stream().anyMatch(line -> line.returnable() > 0);
    }

    /** The first is the one offered first. A replacement cost nothing, so its items can only come again. */
    public List<Remedy> remedies() {
        return replacement ? List.of(Remedy.REPLACEMENT) : List.of(Remedy.REFUND, Remedy.REPLACEMENT);
    }
}
