package io.nurture.returns;

import java.util.List;

/** What staff found in a return's parcel; lines not listed are accepted none of. */
public record Inspection(List<Line> lines, String note) {

    public record Line(String sku, int accepted, boolean sellable) {}
}
