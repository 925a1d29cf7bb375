package io.nurture.returns;

import java.util.List;

/** A delivered order as its return link shows it: each product and how many can still go back. */
public record ReturnableOrder(String orderId, List<Line> lines) {

    public record Line(String sku, String name, int returnable) {}

    public boolean anythingLeft() {
        return lines.stream().anyMatch(line -> line.returnable() > 0);
    }
}
