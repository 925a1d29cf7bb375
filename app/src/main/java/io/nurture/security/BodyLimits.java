package io.nurture.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The endpoints anyone may post to (survey answers, unsubscribe and preference pages) take small
 * bodies only, and the shop's event batches and the mail provider's webhooks (whose signature is
 * checked over the whole body) bounded ones: a body must say its length, and one longer than
 * {@code nurture.web.public-body-limit} (or {@code nurture.events.body-limit},
 * {@code nurture.mail-events.body-limit}) is refused before anything reads it. Other keyed endpoints have their clients' keys to answer for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimits extends OncePerRequestFilter {

    private static final List<String> PUBLIC_POSTS = List.of(
            "/surveys/*",
            "/api/surveys/*/responses",
            "/unsubscribe/*",
            "/preferences/*",
            "/returns/start/*",
            "/consent/*");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final String EVENTS = "/api/events";

    private final long publicLimit;
    private final long eventsLimit;
    private final long mailEventsLimit;
    private final SecurityProblems problems;

    BodyLimits(
            @Value("${nurture.web.public-body-limit:32KB}") DataSize publicLimit,
            @Value("${nurture.events.body-limit:512KB}") DataSize eventsLimit,
            @Value("${nurture.mail-events.body-limit:256KB}") DataSize mailEventsLimit,
            ObjectMapper json) {
        this.publicLimit = publicLimit.toBytes();
        this.eventsLimit = eventsLimit.toBytes();
        this.mailEventsLimit = mailEventsLimit.toBytes();
        this.problems = new SecurityProblems(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean bounded = EVENTS.equals(path)
                || MailProviderSignatures.PATHS.contains(path)
                || PUBLIC_POSTS.stream().anyMatch(pattern -> PATHS.match(pattern, path));
        return !"POST".equals(request.getMethod()) || !bounded;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = EVENTS.equals(path)
                ? eventsLimit
                : MailProviderSignatures.PATHS.contains(path) ? mailEventsLimit : publicLimit;
        long length = request.getContentLengthLong();
        if (length < 0) {
            problems.write(
                    response,
                    HttpStatus.LENGTH_REQUIRED,
                    "length-required",
                    "Length required",
                    "Send the body with a Content-Length.");
        } else if (length > limit) {
            problems.write(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "body-too-large",
                    "Body too large",
                    "This endpoint takes at most " + limit + " bytes.");
        } else {
            chain.doFilter(request, response);
        }
    }
}
