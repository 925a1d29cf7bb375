package io.nurture.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 7807 problem details in Nurture's shape: a type under one base, a title and a detail. */
public final class Problems {

    private static final String TYPE_BASE = "https://nurture.example/problems/";

    /** What a failure Nurture did not expect tells the caller: where to look, not what went wrong. */
    static final String UNEXPECTED =
            "Nurture could not complete the request; the cause is in its log under this path and time.";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** Bad input: each offending field under {@code errors}, and all of them in the detail. */
    static ProblemDetail invalid(List<FieldProblem> problems) {
        String detail = problems.stream()
                .map(p -> p.field() + " " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", problems);
        return problem;
    }
}
