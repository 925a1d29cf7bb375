package io.nurture.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain SVG charts, each followed by the same figures as a table for screen readers. */
final class Charts {

    private static final String[] COLOURS = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#b7791f"
    };
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BAR = 14;
    private static final int LEGEND_PER_ROW = 5;

    private Charts() {}

    /** One line per series over the x labels (e.g. customers per stage at the end of each part). */
    static String lines(String title, List<String> x, Map<String, double[]> series) {
        double max = Math.max(
                1,
                series.values().stream()
                        .flatMapToDouble(java.util.Arrays::stream)
                        .max()
                        .orElse(1));
        int legendRows = (series.size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;
        StringBuilder svg = open(title, WIDTH, HEIGHT + 34 + 14 * legendRows);
        axis(svg, max, HEIGHT);
        if (!x.isEmpty()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%d' font-size='10'>%s</text>"
                            + "<text x='%d' y='%d' text-anchor='end' font-size='10'>%s</text>",
                    LEFT,
                    HEIGHT + 14,
                    Html.escape(x.getFirst()),
                    WIDTH - 10,
                    HEIGHT + 14,
                    Html.escape(x.getLast())));
        }
        int i = 0;
        for (Map.Entry<String, double[]> line : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            double[] values = line.getValue();
            for (int p = 0; p < values.length; p++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xAt(p, values.length), yAt(values[p], max)));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>",
                    COLOURS[i % COLOURS.length],
                    points.toString().trim()));
            legend(svg, i++, line.getKey(), HEIGHT + 36);
        }
        svg.append("</svg>");
        return svg + table(title, "", x, series);
    }

    /** Grouped horizontal bars: one group per category, one bar per series (a run). */
    static String bars(String title, List<String> categories, Map<String, double[]> series) {
        double max = Math.max(
                1,
                series.values().stream()
                        .flatMapToDouble(java.util.Arrays::stream)
                        .max()
                        .orElse(1));
        int group = BAR * series.size() + 8;
        int height = categories.size() * group + 16 + 14 * ((series.size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW);
        StringBuilder svg = open(title, WIDTH, height);
        for (int c = 0; c < categories.size(); c++) {
            int top = c * group;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='178' y='%d' text-anchor='end' font-size='11'>%s</text>",
                    top + BAR,
                    Html.escape(categories.get(c))));
            int s = 0;
            for (double[] values : series.values()) {
                double width = (WIDTH - 260) * values[c] / max;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x='184' y='%d' width='%.1f' height='%d' fill='%s'/><text x='%.1f' y='%d' font-size='10'>%s</text>",
                        top + s * BAR,
                        width,
                        BAR - 2,
                        COLOURS[s % COLOURS.length],
                        188 + width,
                        top + s * BAR + 10,
                        Html.number(values[c])));
                s++;
            }
        }
        int s = 0;
        for (String name : series.keySet()) {
            legend(svg, s++, name, categories.size() * group + 12);
        }
        svg.append("</svg>");
        return svg + table(title, "", categories, series);
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<h3>%s</h3><svg role='img' aria-label='%s' width='%d' height='%d' viewBox='0 0 %d %d'>",
                Html.escape(title),
                Html.escape(title),
                width,
                height,
                width,
                height));
    }

    private static void axis(StringBuilder svg, double max, int height) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' y1='10' x2='%d' y2='%d' stroke='#999'/>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>"
                        + "<text x='%d' y='16' text-anchor='end' font-size='10'>%s</text><text x='%d' y='%d' text-anchor='end' font-size='10'>0</text>",
                LEFT,
                LEFT,
                height,
                LEFT,
                height,
                WIDTH - 10,
                height,
                LEFT - 4,
                Html.number(max),
                LEFT - 4,
                height));
    }

    /** Legend entries {@code i} in rows of five from the baseline {@code y} down. */
    private static void legend(StringBuilder svg, int i, String name, int top) {
        int x = LEFT + (i % LEGEND_PER_ROW) * 116;
        int y = top + (i / LEGEND_PER_ROW) * 14;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d' font-size='11'>%s</text>",
                x,
                y - 9,
                COLOURS[i % COLOURS.length],
                x + 14,
                y,
                Html.escape(name)));
    }

    private static double xAt(int p, int count) {
        return LEFT + (count == 1 ? 0 : (WIDTH - LEFT - 10) * p / (double) (count - 1));
    }

    private static double yAt(double value, double max) {
        return HEIGHT - (HEIGHT - 10) * value / max;
    }

    /** The chart's figures: a row per category, a column per series. */
    static String table(String title, String corner, List<String> rows, Map<String, double[]> series) {
        StringBuilder table = new StringBuilder("<details><summary>Table: ")
                .append(Html.escape(title))
                .append("</summary><table><thead><tr><th>")
                .append(Html.escape(corner))
                .append("</th>");
        series.keySet()
                .forEach(name -> table.append("<th>").append(Html.escape(name)).append("</th>"));
        table.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            table.append("<tr><th>").append(Html.escape(rows.get(r))).append("</th>");
            for (double[] values : series.values()) {
                table.append("<td>").append(Html.number(values[r])).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</tbody></table></details>").toString();
    }
}
