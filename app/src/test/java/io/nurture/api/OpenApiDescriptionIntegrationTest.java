package io.nurture.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.NurtureIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API description the app serves is the one checked in. After an intended API change,
 * regenerate it with {@code ./mvnw -pl app -am verify -Dtest=OpenApiDescriptionIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true}.
 */
@NurtureIntegrationTest
class OpenApiDescriptionIntegrationTest {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void servedDescriptionMatchesTheCheckedInOne() throws IOException, InterruptedException {
        HttpResponse<String> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs.yaml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, served.body());
        }

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body())
                .as("docs/openapi.yaml is out of date; regenerate it (see this test's Javadoc)")
                .isEqualTo(Files.readString(CHECKED_IN));
    }
}
