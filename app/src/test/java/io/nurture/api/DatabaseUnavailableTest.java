package io.nurture.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A pool that has no connection free in time (a burst, or the database away) is a reason to retry,
 * not an internal error: the request's transaction never wrote anything.
 */
class DatabaseUnavailableTest {

    @Test
    void noConnectionInTimeIsAnswered503WithRetryAfter() {
        DataAccessResourceFailureException noConnection = new DataAccessResourceFailureException(
                "Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms"));

        ResponseEntity<ProblemDetail> answer =
                new ApiProblems().databaseUnreachable(noConnection, new MockHttpServletRequest("POST", "/api/orders"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getType().toString()).endsWith("/database-unavailable");
    }

    @Test
    void anyOtherFailureOfTheDatabaseResourceStaysAnInternalError() {
        DataAccessResourceFailureException lostMidway =
                new DataAccessResourceFailureException("Communications link failure");

        ResponseEntity<ProblemDetail> answer =
                new ApiProblems().databaseUnreachable(lostMidway, new MockHttpServletRequest("POST", "/api/orders"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
