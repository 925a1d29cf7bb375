package io.nurture.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to a running Nurture over real HTTP, as a shop's system, a carrier, a customer's browser or
 * staff would: one API key per client (none for the public pages), answers as status and JSON.
 */
public final class NurtureClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String apiKey;

    /** @param apiKey sent as {@code X-API-Key}; null for none */
    public NurtureClient(int port, String apiKey) {
        this("http://localhost:" + port, apiKey);
    }

    public NurtureClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** @param body JSON, or null for none (then no content type either) */
    public Answer send(String method, String path, String body) {
        if (body == null) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return withBody(method, path, body, Map.of());
    }

    public Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return withBody("POST", path, body, headers);
    }

    public Answer put(String path, Object body) {
        return put(path, body, Map.of());
    }

    public Answer put(String path, Object body, Map<String, String> headers) {
        return withBody("PUT", path, body, headers);
    }

    /** @param body a JSON text as is, anything else written as JSON */
    private Answer withBody(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : write(body)));
        headers.forEach(request::setHeader);
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isEmpty() || !contentType.contains("json")
                    ? json.nullNode()
                    : json.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    contentType,
                    body,
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Answer(int status, String contentType, JsonNode body, String challenge) {

        public String text(String field) {
            return body.path(field).asText();
        }
    }
}
