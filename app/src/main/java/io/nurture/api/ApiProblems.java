package io.nurture.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.camunda.client.api.command.ClientException;
import io.nurture.carecase.CareCaseClosedException;
import io.nurture.checkout.IdempotencyKeyReusedException;
import io.nurture.inbox.AlreadyDecidedException;
import io.nurture.inbox.ClaimedByAnotherException;
import io.nurture.inbox.UnknownItemException;
import io.nurture.inventory.RestockKeyReusedException;
import io.nurture.inventory.StockChangedException;
import io.nurture.inventory.UnknownProductException;
import io.nurture.notification.MessageNotResentException;
import io.nurture.notification.ResendKeyReusedException;
import io.nurture.notification.UnknownMessageException;
import io.nurture.order.OrderStateConflictException;
import io.nurture.order.UnknownOrderException;
import io.nurture.payment.InvoiceAmountMismatchException;
import io.nurture.payment.RefundExceedsWhatIsLeftException;
import io.nurture.payment.RefundRequestReusedException;
import io.nurture.request.InvalidFieldException;
import io.nurture.returns.ReturnRequestReusedException;
import io.nurture.returns.ReturnStateConflictException;
import io.nurture.returns.UnknownReturnException;
import io.nurture.shipping.CarrierEventNotForParcelException;
import io.nurture.shipping.UnknownShipmentException;
import io.nurture.survey.SurveyAnswerException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error leaves the API as RFC 7807 problem details ({@code application/problem+json}); bad
 * input lists each offending field under {@code errors}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final String ENGINE_RETRY_AFTER_SECONDS = "5";
    private static final String DATABASE_RETRY_AFTER_SECONDS = "1";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = ex.getCause() instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? new FieldProblem(path(mapping), "has the wrong type or format")
                : new FieldProblem("body", "is not valid JSON");
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(problem)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MissingRequestHeaderException missing ? missing.getHeaderName() : "request";
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(field, ex.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(List.of(new FieldProblem(ex.getName(), "has the wrong format"))));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(ex.problems()));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(CarrierEventNotForParcelException.class)
    ResponseEntity<Object> eventNotForParcel(CarrierEventNotForParcelException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem("type", ex.getMessage()))));
    }

    @ExceptionHandler({InvoiceAmountMismatchException.class, RefundExceedsWhatIsLeftException.class})
    ResponseEntity<Object> amountRefused(RuntimeException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem("amount", ex.getMessage()))));
    }

    @ExceptionHandler({
        NotFoundException.class,
        UnknownOrderException.class,
        UnknownProductException.class,
        UnknownShipmentException.class,
        UnknownReturnException.class,
        UnknownMessageException.class,
        UnknownItemException.class
    })
    ProblemDetail notFound(RuntimeException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
    }

    /** A stock take for a level that changed since it was read: read again, decide again. */
    @ExceptionHandler(StockChangedException.class)
    ResponseEntity<ProblemDetail> stockChanged(StockChangedException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.PRECONDITION_FAILED, "stock-changed", "Stock changed since it was read", ex.getMessage());
        problem.setProperty(
                "errors", List.of(new FieldProblem("If-Match", "is not the current version, " + ex.currentVersion())));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Long.toString(ex.currentVersion()))
                .body(problem);
    }

    @ExceptionHandler({
        ConflictException.class,
        CareCaseClosedException.class,
        OrderStateConflictException.class,
        ReturnStateConflictException.class,
        MessageNotResentException.class
    })
    ProblemDetail conflict(RuntimeException ex) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Not possible in the current state", ex.getMessage());
    }

    /** A colleague decided the item first: who, when and what, so the second person is not left guessing. */
    @ExceptionHandler(AlreadyDecidedException.class)
    ProblemDetail alreadyDecided(AlreadyDecidedException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "already-decided",
                "Already decided",
                "Already decided by " + ex.decision().decidedBy() + " at "
                        + ex.decision().decidedAt() + ": " + ex.decision().outcome());
        problem.setProperty("decidedBy", ex.decision().decidedBy());
        problem.setProperty("decidedAt", ex.decision().decidedAt());
        problem.setProperty("outcome", ex.decision().outcome());
        return problem;
    }

    /** A colleague claimed the item and the claim has not lapsed. */
    @ExceptionHandler(ClaimedByAnotherException.class)
    ProblemDetail claimedByAnother(ClaimedByAnotherException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "claimed",
                "Claimed by a colleague",
                ex.claim().claimedBy() + " is on it until " + ex.claim().lapsesAt());
        problem.setProperty("claimedBy", ex.claim().claimedBy());
        problem.setProperty("lapsesAt", ex.claim().lapsesAt());
        return problem;
    }

    @ExceptionHandler({
        IdempotencyKeyReusedException.class,
        RefundRequestReusedException.class,
        ReturnRequestReusedException.class,
        RestockKeyReusedException.class,
        ResendKeyReusedException.class
    })
    ProblemDetail idempotencyKeyReused(RuntimeException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "Idempotency key already used",
                ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key", ex.getMessage())));
        return problem;
    }

    /** A survey answer for an unknown token 404, one already answered 409, an expired one 410. */
    @ExceptionHandler(SurveyAnswerException.class)
    ProblemDetail surveyAnswerRefused(SurveyAnswerException refused) {
        return switch (refused.reason()) {
            case UNKNOWN -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", refused.getMessage());
            case ALREADY_ANSWERED ->
                Problems.of(HttpStatus.CONFLICT, "survey-answered", "Survey already answered", refused.getMessage());
            case EXPIRED -> Problems.of(HttpStatus.GONE, "survey-expired", "Survey expired", refused.getMessage());
        };
    }

    /** Engine down or pushing back (RESOURCE_EXHAUSTED): the caller retries, nothing is half-done. */
    @ExceptionHandler(ClientException.class)
    ResponseEntity<ProblemDetail> engineUnavailable(ClientException ex) {
        logger.warn("Process engine did not accept a command", ex);
        return retryLater(
                ENGINE_RETRY_AFTER_SECONDS,
                "engine-unavailable",
                "Process engine unavailable",
                "The process engine did not accept the request; nothing was stored. Please retry later.");
    }

    /** The database gave up on the transaction (a deadlock's victim, a lock wait timeout): rolled back whole, safe to retry. */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> databaseBusy(TransientDataAccessException ex) {
        logger.warn("A request's transaction was rolled back by the database", ex);
        return retryLater(
                DATABASE_RETRY_AFTER_SECONDS,
                "database-busy",
                "Database busy",
                "The database rolled the request back; nothing was stored. Please retry.");
    }

    /**
     * No connection to the database in time (the pool's connections all busy in a burst, or the
     * server away): the request's transaction never wrote anything, so it is safe to send again.
     * Any other failure of the database's resource is unexpected.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnreachable(NestedRuntimeException ex, HttpServletRequest request) {
        if (!ex.contains(SQLTransientConnectionException.class)) {
            return unexpected(ex, request);
        }
        logger.warn("A request found no database connection in time", ex);
        return retryLater(
                DATABASE_RETRY_AFTER_SECONDS,
                "database-unavailable",
                "Database unavailable",
                "No database connection was free in time; nothing was stored. Please retry.");
    }

    /**
     * What no handler here expects (a bug, or a race lost on every try the request makes): logged
     * whole, answered as a problem too, without its internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // The caller hung up while the answer was written: nobody to answer, nothing of Nurture's failed.
            return null;
        }
        logger.error("Request " + request.getMethod() + " " + request.getRequestURI() + " failed", ex);
        return ResponseEntity.internalServerError()
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", Problems.UNEXPECTED));
    }

    private static ResponseEntity<ProblemDetail> retryLater(
            String retryAfterSeconds, String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }
}
