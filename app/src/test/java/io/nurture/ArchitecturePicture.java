package io.nurture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arrows of a Mermaid flowchart in a Markdown page, inside one subgraph: {@code a --> b & c}
 * and labelled ones such as {@code a -. mail outbox .-> b}.
 */
final class ArchitecturePicture {

    private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)\\s*(?:-->|-\\.[^.]*\\.->)\\s*(.+?)\\s*$");

    private ArchitecturePicture() {}

    static Map<String, Set<String>> arrowsIn(Path page, String subgraph) throws IOException {
        return arrowsIn(Files.readAllLines(page), subgraph);
    }

    static Map<String, Set<String>> arrowsIn(List<String> lines, String subgraph) {
        Map<String, Set<String>> arrows = new TreeMap<>();
        int depth = 0;
        for (String line : lines) {
            String trimmed = line.trim();
            if (depth == 0
                    && (trimmed.startsWith("subgraph " + subgraph + "[") || trimmed.equals("subgraph " + subgraph))) {
                depth = 1;
            } else if (depth > 0 && trimmed.startsWith("subgraph ")) {
                depth++;
            } else if (depth > 0 && trimmed.equals("end")) {
                depth--;
            } else if (depth > 0) {
                Matcher arrow = ARROW.matcher(line);
                if (arrow.matches()) {
                    Arrays.stream(arrow.group(2).split("&"))
                            .map(String::trim)
                            .forEach(to -> arrows.computeIfAbsent(arrow.group(1), from -> new TreeSet<>())
                                    .add(to));
                }
            }
        }
        return arrows;
    }
}
