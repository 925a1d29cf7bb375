package io.nurture.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls a web slice as an API client with a key would: JSON bodies in, status and JSON body out. */
public record SliceClient(MockMvc mvc, String apiKey) {

    /** The key of application-test.yaml's {@code journey-harness} client, which has the integration and staff roles. */
    public static final String HARNESS_KEY = "journey-harness-key";
    /** The key of application-test.yaml's {@code metrics-scraper} client, which has the metrics role only. */
    public static final String METRICS_KEY = "metrics-scraper-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A body that is a String is sent as it is (malformed JSON included); anything else as JSON. */
    public Answer send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    private Answer send(String method, String path, Object body, Map<String, String> headers) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String raw ? raw : json(body));
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String content = response.getContentAsString();
            return new Answer(
                    response.getStatus(),
                    String.valueOf(response.getContentType()),
                    content.isBlank() ? JSON.missingNode() : JSON.readTree(content));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " could not be called", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Answer(int status, String contentType, JsonNode body) {

        /** The fields named by a validation problem's {@code errors}. */
        public List<String> fieldsInError() {
            return body.path("errors").findValuesAsText("field");
        }
    }
}
