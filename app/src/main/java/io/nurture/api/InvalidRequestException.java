package io.nurture.api;

import java.util.List;

/** A request that is well-formed but refers to something that cannot be (an unknown SKU, say). */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.problems = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
