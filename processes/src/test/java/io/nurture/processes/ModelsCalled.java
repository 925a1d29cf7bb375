package io.nurture.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The resources a process needs deployed: its own model, and every process and decision it calls. */
final class ModelsCalled {

    /** What a model calls, as the tag that defines it there: a process and a decision may share an id. */
    private static final Pattern CALLED = Pattern.compile("(calledElement processId|decisionId)=\"([^\"]+)\"");

    private static final Map<String, String> TEXT =
            Models.RESOURCES.stream().collect(Collectors.toMap(Function.identity(), ModelsCalled::read));

    private ModelsCalled() {}

    static List<String> by(String processId) {
        Set<String> needed = new LinkedHashSet<>();
        add(resourceDefining("<bpmn:process id=\"" + processId + "\""), needed);
        return new ArrayList<>(needed);
    }

    private static void add(String resource, Set<String> needed) {
        if (!needed.add(resource)) {
            return;
        }
        Matcher called = CALLED.matcher(TEXT.get(resource));
        while (called.find()) {
            String tag = called.group(1).equals("decisionId") ? "<decision id=\"" : "<bpmn:process id=\"";
            add(resourceDefining(tag + called.group(2) + "\""), needed);
        }
    }

    private static String resourceDefining(String tag) {
        return TEXT.entrySet().stream()
                .filter(resource -> resource.getValue().contains(tag))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model of this module has " + tag));
    }

    private static String read(String resource) {
        try (InputStream in = ModelsCalled.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
