package io.nurture.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What never reached a handler and went to the servlet container's error page instead: a request
 * the security firewall rejected (an encoded percent sign, a semicolon or a double slash in its
 * URL), a failure in a filter before Spring MVC. Answered as problem details, like every other
 * error of the API, without the failure's internals (the container logs a failure).
 */
@Hidden
@RestController
class ContainerErrors implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
            // Asked for directly, not by the container: there is no such page.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such page"));
        }
        HttpStatus status = status(request);
        ProblemDetail problem = status == HttpStatus.BAD_REQUEST
                ? rejected()
                : Problems.of(
                        status,
                        status.is5xxServerError() ? "internal-error" : "http-" + status.value(),
                        status.getReasonPhrase(),
                        status.is5xxServerError() ? Problems.UNEXPECTED : status.getReasonPhrase());
        problem.setInstance(instance(request));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The path the request was for, not the error page's; nothing when it is not a URI (the firewall's reason). */
    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        } catch (IllegalArgumentException notAUri) {
            return URI.create("about:blank");
        }
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static ProblemDetail rejected() {
        return Problems.invalid(List.of(new FieldProblem(
                "request",
                "was refused before it reached the API: its URL or headers hold something Nurture does not take")));
    }
}
