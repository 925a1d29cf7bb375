package io.nurture.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.NurtureIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public survey page echoes what arrives in its link, HTML-escaped. */
@NurtureIntegrationTest
class SurveyPageEscapingIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void markupInASurveyLinkIsShownAsTextNotRun() throws IOException, InterruptedException {
        // Tomcat already refuses '<' and '>' in a path; quotes and ampersands get through to the page.
        String token = URLEncoder.encode("x'onmouseover='alert(1)'&y", StandardCharsets.UTF_8);

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/surveys/" + token))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("score=5"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(404);
        assertThat(page.body())
                .contains("x&#39;onmouseover=&#39;alert(1)&#39;&amp;y")
                .doesNotContain("'onmouseover='");
    }
}
