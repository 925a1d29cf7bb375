package io.nurture.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.suppression.SuppressionProperties;
import io.nurture.suppression.web.MailEventPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the mail provider's delivery webhooks by their signature, an HMAC-SHA256 over the
 * body with a secret only Nurture and the provider know; a signed timestamp older than
 * {@code nurture.mail-events.tolerance} is a replay. Nurture's own format signs
 * {@code <timestamp>.<body>} in {@value #SIGNATURE} (with the timestamp in {@value #TIMESTAMP});
 * Mailgun signs its timestamp and token, which travel in the body. A webhook whose secret is not
 * configured refuses every call. The checked body is handed on for the controller to read.
 *
 * <p>Freshness is judged on the wall clock, never the app's clock, which development and the
 * simulation move: a replay is about real time, and the provider signs with real time.
 */
final class MailProviderSignatures extends OncePerRequestFilter {

    static final Set<String> PATHS = Set.of(MailEventPaths.NURTURE, MailEventPaths.MAILGUN);
    static final String TIMESTAMP = "X-Nurture-Timestamp";
    static final String SIGNATURE = "X-Nurture-Signature";

    private static final Logger log = LoggerFactory.getLogger(MailProviderSignatures.class);
    private static final String HMAC = "HmacSHA256";

    private final SuppressionProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final SecurityProblems problems;
    private final Predicate<String> firstUse;

    /** @param firstUse whether a Mailgun token is seen for the first time (false refuses the request) */
    MailProviderSignatures(
            SuppressionProperties properties,
            ObjectMapper json,
            SecurityProblems problems,
            Predicate<String> firstUse) {
        this(properties, Clock.systemUTC(), json, problems, firstUse);
    }

    MailProviderSignatures(
            SuppressionProperties properties,
            Clock clock,
            ObjectMapper json,
            SecurityProblems problems,
            Predicate<String> firstUse) {
        this.properties = properties;
        this.firstUse = firstUse;
        this.clock = clock;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATHS.contains(request.getRequestURI());
    }

    /** What was signed, when, and the signature presented; empty when the request carries none. */
    /** @param token what makes the signature single-use (Mailgun's token), null where the body is signed whole */
    private record Signed(String secret, byte[] message, String timestamp, String signature, String token) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean mailgun = MailEventPaths.MAILGUN.equals(request.getRequestURI());
        String secret = mailgun ? properties.mailgunSigningKey() : properties.secret();
        String provider = mailgun ? "mailgun" : "nurture";
        if (secret == null || secret.isBlank()) {
            problems.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "mail-events-not-configured",
                    "Mail events are not configured",
                    "Set " + (mailgun ? "nurture.mail-events.mailgun-signing-key" : "nurture.mail-events.secret")
                            + " to take the mail provider's events here.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<Signed> signed = mailgun ? mailgunSigned(secret, body) : nurtureSigned(secret, request, body);
        String refusal = signed.isEmpty() ? "The request carries no signature." : refusal(signed.get());
        if (refusal != null) {
            log.warn("Refused a {} mail event from {}: {}", provider, request.getRemoteAddr(), refusal);
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature", refusal);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                "mail-provider:" + provider,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.MAIL_PROVIDER.name()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private static Optional<Signed> nurtureSigned(String secret, HttpServletRequest request, byte[] body) {
        String timestamp = request.getHeader(TIMESTAMP);
        String signature = request.getHeader(SIGNATURE);
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return Optional.empty();
        }
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return Optional.of(new Signed(secret, message, timestamp, signature.substring("sha256=".length()), null));
    }

    private Optional<Signed> mailgunSigned(String secret, byte[] body) {
        try {
            JsonNode signature = json.readTree(body).path("signature");
            String timestamp = signature.path("timestamp").asText(null);
            String token = signature.path("token").asText(null);
            String presented = signature.path("signature").asText(null);
            if (timestamp == null || token == null || presented == null) {
                return Optional.empty();
            }
            return Optional.of(new Signed(
                    secret, (timestamp + token).getBytes(StandardCharsets.UTF_8), timestamp, presented, token));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Why the signature is refused, or null when it holds. */
    private String refusal(Signed signed) {
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(signed.timestamp().trim()));
        } catch (NumberFormatException e) {
            return "The signed timestamp is not seconds since 1970.";
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(properties.tolerance()) > 0) {
            return "The signed timestamp is more than " + properties.tolerance() + " away from now: a replay, or a"
                    + " clock that is off.";
        }
        byte[] expected = hmac(signed.secret(), signed.message());
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signed.signature().trim());
        } catch (IllegalArgumentException notHex) {
            return "The signature is not hexadecimal.";
        }
        if (!MessageDigest.isEqual(expected, presented)) {
            return "The signature does not match the body.";
        }
        return signed.token() == null || firstUse.test(signed.token())
                ? null
                : "The signed token was used before: a replay.";
    }

    static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }

    /** The request with its body, already read for the signature, readable once more. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read at once");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
