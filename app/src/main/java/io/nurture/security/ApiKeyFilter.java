package io.nurture.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@value #HEADER} header. A wrong key is refused at once rather
 * than treated as anonymous, so a caller with a typo learns that instead of reading a 403.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final SecurityProblems problems;

    ApiKeyFilter(ApiKeys keys, SecurityProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> client = keys.authenticate(presented);
        if (client.isEmpty()) {
            log.warn(
                    "Refused an unknown API key from {} for {} {}",
                    request.getRemoteAddr(),
                    request.getMethod(),
                    request.getRequestURI());
            problems.unknownKey(response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(client.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
