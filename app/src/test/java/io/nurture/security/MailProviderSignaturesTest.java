package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.suppression.SuppressionProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The webhook signatures, checked against values computed outside Java (openssl, as the README
 * shows): {@code printf '%s.%s' 1767225600 '{"events":[]}' | openssl dgst -sha256 -hmac whsec-example}
 * and {@code printf '%s%s' 1767225600 <token> | openssl dgst -sha256 -hmac key-example}.
 */
class MailProviderSignaturesTest {

    private static final long SIGNED_AT = 1767225600L;
    private static final String BODY = "{\"events\":[]}";
    private static final String NURTURE_SIGNATURE = "d7feede19419131cea0d84408bfce5e6db19c0b9e66c225afbe310b14e7040db";
    private static final String MAILGUN_TOKEN = "a8ce0edb2dd8301dced8ec5ed9a4ea32faf9ec3a7d0a4e4d41";
    private static final String MAILGUN_SIGNATURE = "aa3c59e391e3755d47fde4a8cbb560aea4813e7bab5c3a5ef5fe525fe8971e51";

    /** Mailgun tokens the filter has seen: a second use is a replay. */
    private final Set<String> seen = new HashSet<>();

    private final SuppressionProperties properties =
            new SuppressionProperties("whsec-example", "key-example", Duration.ofMinutes(5), 3, Duration.ofDays(30));

    @Test
    void aBodySignedWithTheSecretPassesWithItsBodyReadableOnce() throws Exception {
        String seen = filtered(nurture(SIGNED_AT, "sha256=" + NURTURE_SIGNATURE), at(SIGNED_AT + 60));

        assertThat(seen).isEqualTo(BODY);
    }

    @Test
    void aSignatureOverAnotherBodyIsRefused() throws Exception {
        MockHttpServletRequest request = nurture(SIGNED_AT, "sha256=" + NURTURE_SIGNATURE);
        request.setContent("{\"events\":[ ]}".getBytes(StandardCharsets.UTF_8));

        assertThat(filtered(request, at(SIGNED_AT))).isNull();
    }

    @Test
    void aRightSignatureOlderThanTheToleranceIsARefusedReplay() throws Exception {
        assertThat(filtered(nurture(SIGNED_AT, "sha256=" + NURTURE_SIGNATURE), at(SIGNED_AT + 301)))
                .isNull();
    }

    @Test
    void mailgunsSignatureOverItsTimestampAndTokenPasses() throws Exception {
        MockHttpServletRequest request =
                post("/api/mail-events/mailgun", """
                {"signature":{"timestamp":"%d","token":"%s","signature":"%s"},"event-data":{"event":"delivered"}}""".formatted(SIGNED_AT, MAILGUN_TOKEN, MAILGUN_SIGNATURE));

        assertThat(filtered(request, at(SIGNED_AT))).contains("delivered");
    }

    @Test
    void aMailgunTokenSeenBeforeIsARefusedReplayEvenWithOtherEventData() throws Exception {
        String signature = "{\"signature\":{\"timestamp\":\"%d\",\"token\":\"%s\",\"signature\":\"%s\"},"
                .formatted(SIGNED_AT, MAILGUN_TOKEN, MAILGUN_SIGNATURE);
        filtered(
                post("/api/mail-events/mailgun", signature + "\"event-data\":{\"event\":\"delivered\"}}"),
                at(SIGNED_AT));

        String replayed = filtered(
                post("/api/mail-events/mailgun", signature + "\"event-data\":{\"event\":\"complained\"}}"),
                at(SIGNED_AT));

        assertThat(replayed).isNull();
    }

    @Test
    void withoutItsSecretAWebhookIsUnavailableNotOpen() throws Exception {
        MailProviderSignatures unconfigured = new MailProviderSignatures(
                new SuppressionProperties("", null, Duration.ofMinutes(5), 3, Duration.ofDays(30)),
                at(SIGNED_AT),
                new ObjectMapper(),
                new SecurityProblems(new ObjectMapper()),
                token -> true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        unconfigured.doFilter(nurture(SIGNED_AT, "sha256=" + NURTURE_SIGNATURE), response, (req, res) -> {
            throw new AssertionError("passed without a secret");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("nurture.mail-events.secret");
    }

    /** The body the controller would read, or null when the filter refused the request (401). */
    private String filtered(MockHttpServletRequest request, Clock clock) throws Exception {
        MailProviderSignatures filter = new MailProviderSignatures(
                properties, clock, new ObjectMapper(), new SecurityProblems(new ObjectMapper()), seen::add);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> body = new AtomicReference<>();
        try {
            filter.doFilter(request, response, (req, res) -> {
                assertThat(SecurityContextHolder.getContext()
                                .getAuthentication()
                                .getAuthorities())
                        .extracting(Object::toString)
                        .containsExactly("ROLE_MAIL_PROVIDER");
                body.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (body.get() == null) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        return body.get();
    }

    private static MockHttpServletRequest nurture(long timestamp, String signature) {
        MockHttpServletRequest request = post("/api/mail-events", BODY);
        request.addHeader(MailProviderSignatures.TIMESTAMP, String.valueOf(timestamp));
        request.addHeader(MailProviderSignatures.SIGNATURE, signature);
        return request;
    }

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.setContentType("application/json");
        return request;
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
