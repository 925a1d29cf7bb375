package io.nurture.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Refusals leave as RFC 7807 problem details, like every other error of the API. */
final class SecurityProblems {

    private static final String CHALLENGE = "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "authentication-required",
                "Authentication required",
                "Send your API key in the " + ApiKeyFilter.HEADER + " header.");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed for this API key",
                "This API key's roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    void unknownKey(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_key\"");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "unknown-api-key",
                "Unknown API key",
                "The key in the " + ApiKeyFilter.HEADER + " header is not valid.");
    }

    /** Any refusal of a request before it reached a controller, e.g. a public endpoint's body limit. */
    void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
