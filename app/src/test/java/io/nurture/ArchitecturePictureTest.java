package io.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitecturePictureTest {

    @Test
    void arrowsInsideTheSubgraphAreReadWithTheirFansAndLabelsAndNothingOutsideIt() {
        List<String> page = List.of(
                "```mermaid",
                "flowchart TB",
                "    subgraph workers[\"workers\"]",
                "        engagement[\"engagement<br/>journeys\"]",
                "        shipping --> inventory & order",
                "        notification -. mail outbox .-> outbox",
                "    end",
                "    web --> workers",
                "```");

        Map<String, Set<String>> arrows = ArchitecturePicture.arrowsIn(page, "workers");

        assertThat(arrows)
                .containsOnly(
                        Map.entry("shipping", Set.of("inventory", "order")),
                        Map.entry("notification", Set.of("outbox")));
    }
}
