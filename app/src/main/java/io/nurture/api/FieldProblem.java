package io.nurture.api;

/** One offending field of a request, as listed in a problem answer's {@code errors}. */
public record FieldProblem(String field, String message) {}
