package io.nurture.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The report as one self-contained HTML page: one run, or two side by side with their differences. */
final class ReportPage {

    private ReportPage() {}

    static String render(List<Figures> runs) {
        Figures first = runs.getFirst();
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nurture lifecycle simulation</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1a202c}
                table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #cbd5e0;padding:.2rem .6rem;text-align:right}
                th:first-child{text-align:left}.up{color:#276749}.down{color:#9b2c2c}svg{display:block;margin:.5rem 0}
                .runs{display:flex;gap:2rem;flex-wrap:wrap}</style></head><body>
                <h1>Nurture lifecycle simulation</h1>
                """);
        html.append(String.format(
                Locale.ROOT,
                "<p>%d customers, %d simulated days, seed %d.</p><ul>",
                first.customers(),
                first.days(),
                first.seed()));
        for (int i = 0; i < runs.size(); i++) {
            Figures run = runs.get(i);
            html.append(String.format(
                    Locale.ROOT,
                    "<li><strong>%s</strong>: %s models; %.0f s, %d jobs (%.0f jobs/s)</li>",
                    label(i),
                    Html.escape(run.models()),
                    run.seconds(),
                    run.jobs(),
                    run.jobs() / Math.max(run.seconds(), 0.001)));
        }
        html.append("</ul>").append(keyFigures(runs));
        html.append(Charts.bars(
                "Customers per lifecycle stage at the end", stages(first), perRun(runs, stages(first), "customers ")));
        List<String> templates = new ArrayList<>(union(runs, Figures::messagesByTemplate));
        html.append(Charts.bars("Messages sent, per template", templates, perRunCounts(runs, templates)));
        for (String journey : Figures.JOURNEYS) {
            html.append(funnel(journey, runs));
        }
        StringBuilder tested = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            tested.append(experiments(label(i), runs.get(i).experiments()));
        }
        if (!tested.isEmpty()) {
            html.append("<h2>Experiments</h2>").append(tested);
        }
        html.append("<div class='runs'>");
        for (int i = 0; i < runs.size(); i++) {
            html.append("<div>")
                    .append(stagesOverTime(label(i), runs.get(i).series()))
                    .append("</div>");
        }
        return html.append("</div></body></html>\n").toString();
    }

    static String label(int run) {
        return run == 0 ? "A" : "B";
    }

    private static String keyFigures(List<Figures> runs) {
        StringBuilder table = new StringBuilder("<h2>Key figures</h2><table><thead><tr><th>figure</th>");
        for (int i = 0; i < runs.size(); i++) {
            table.append("<th>").append(label(i)).append("</th>");
        }
        if (runs.size() == 2) {
            table.append("<th>B − A</th><th>change</th>");
        }
        table.append("</tr></thead><tbody>");
        for (String name : union(runs, Figures::key)) {
            table.append("<tr><th>").append(Html.escape(name)).append("</th>");
            runs.forEach(run -> table.append("<td>")
                    .append(Html.number(run.key().get(name)))
                    .append("</td>"));
            if (runs.size() == 2) {
                Comparison.Difference difference = Comparison.difference(
                        runs.get(0).key().get(name), runs.get(1).key().get(name));
                String direction = difference.delta() == null || difference.delta() == 0
                        ? ""
                        : difference.delta() > 0 ? "up" : "down";
                table.append("<td class='")
                        .append(direction)
                        .append("'>")
                        .append(Html.number(difference.delta()))
                        .append("</td><td class='")
                        .append(direction)
                        .append("'>")
                        .append(difference.relative())
                        .append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</tbody></table>").toString();
    }

    private static List<String> stages(Figures run) {
        List<String> stages = new ArrayList<>();
        run.lifecycle().path("customersByStage").properties().forEach(stage -> stages.add(stage.getKey()));
        return stages;
    }

    private static Map<String, double[]> perRun(List<Figures> runs, List<String> names, String prefix) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Figures run = runs.get(i);
            series.put(
                    label(i),
                    names.stream()
                            .mapToDouble(name -> run.key().getOrDefault(prefix + name, 0.0))
                            .toArray());
        }
        return series;
    }

    private static Map<String, double[]> perRunCounts(List<Figures> runs, List<String> templates) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Figures run = runs.get(i);
            series.put(
                    label(i),
                    templates.stream()
                            .mapToDouble(t -> run.messagesByTemplate().getOrDefault(t, 0L))
                            .toArray());
        }
        return series;
    }

    private static String funnel(String journey, List<Figures> runs) {
        List<String> steps = new ArrayList<>();
        runs.getFirst()
                .funnels()
                .path(journey)
                .forEach(step -> steps.add(step.path("step").asText()));
        if (steps.isEmpty()) {
            return "";
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, JsonNode> byStep = new LinkedHashMap<>();
            runs.get(i)
                    .funnels()
                    .path(journey)
                    .forEach(step -> byStep.put(step.path("step").asText(), step));
            for (String figure : new String[] {"reached", "sent"}) {
                series.put(
                        label(i) + " " + figure,
                        steps.stream()
                                .mapToDouble(step -> byStep.containsKey(step)
                                        ? byStep.get(step).path(figure).asDouble()
                                        : 0)
                                .toArray());
            }
        }
        return Charts.bars(
                "Funnel of " + journey + ": customers who reached each step, and were sent its message", steps, series);
    }

    /** Each experiment's variants as the experiments report gives them; nothing when no step tested variants. */
    private static String experiments(String label, JsonNode byJourney) {
        StringBuilder html = new StringBuilder();
        byJourney
                .properties()
                .forEach(journey -> journey.getValue().forEach(experiment -> {
                    html.append(String.format(
                                    Locale.ROOT,
                                    "<h3>%s: experiment on %s, %s (%s%s; intervals at %.1f %%, conversion within %s)</h3>",
                                    label,
                                    Html.escape(journey.getKey()),
                                    Html.escape(experiment.path("step").asText()),
                                    Html.escape(experiment.path("status").asText()),
                                    experiment.hasNonNull("winner")
                                            ? ": "
                                                    + Html.escape(experiment
                                                            .path("winner")
                                                            .asText())
                                            : "",
                                    100 * experiment.path("confidence").asDouble(),
                                    Figures.CONVERSION_WINDOW))
                            .append("<table><thead><tr><th>variant</th><th>template</th><th>customers sent it</th>"
                                    + "<th>ordered</th><th>rate</th><th>difference to the control</th>"
                                    + "<th>interval</th></tr></thead><tbody>");
                    experiment
                            .path("variants")
                            .forEach(variant -> html.append("<tr><th>")
                                    .append(Html.escape(variant.path("variant").asText()))
                                    .append("</th><td>")
                                    .append(Html.escape(variant.path("template").asText()))
                                    .append("</td><td>")
                                    .append(variant.path("customers").asLong())
                                    .append("</td><td>")
                                    .append(variant.path("conversions").asLong())
                                    .append("</td><td>")
                                    .append(Html.number(number(variant.path("rate"))))
                                    .append("</td><td>")
                                    .append(Html.number(number(variant.path("difference"))))
                                    .append("</td><td>")
                                    .append(
                                            variant.hasNonNull("low")
                                                    ? Html.number(number(variant.path("low"))) + " to "
                                                            + Html.number(number(variant.path("high")))
                                                    : "–")
                                    .append("</td></tr>"));
                    html.append("</tbody></table>");
                }));
        return html.toString();
    }

    private static Double number(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asDouble();
    }

    private static String stagesOverTime(String label, JsonNode series) {
        List<String> ends = new ArrayList<>();
        Map<String, List<Double>> counts = new LinkedHashMap<>();
        for (JsonNode part : series) {
            ends.add(part.path("to").asText().substring(0, 10));
            part.path("customersByStage")
                    .properties()
                    .forEach(stage -> counts.computeIfAbsent(stage.getKey(), s -> new ArrayList<>())
                            .add(stage.getValue().asDouble()));
        }
        Map<String, double[]> lines = new LinkedHashMap<>();
        counts.forEach((stage, values) -> lines.put(
                stage, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return Charts.lines(label + ": customers per stage over time", ends, lines);
    }

    private static Set<String> union(List<Figures> runs, java.util.function.Function<Figures, Map<String, ?>> names) {
        Set<String> all = new LinkedHashSet<>();
        runs.forEach(run -> all.addAll(names.apply(run).keySet()));
        return all;
    }
}
