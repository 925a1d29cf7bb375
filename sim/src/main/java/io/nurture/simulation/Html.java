package io.nurture.simulation;

import java.util.Locale;

final class Html {

    private Html() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    /** Whole numbers without decimals, others with two; a missing figure as a dash. */
    static String number(Double value) {
        if (value == null) {
            return "–";
        }
        if (Math.abs(value) < 0.005) {
            return "0";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", value.longValue())
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
