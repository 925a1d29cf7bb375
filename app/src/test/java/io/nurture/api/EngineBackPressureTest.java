package io.nurture.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The embedded engine never pushes back, so back-pressure cannot be provoked end to end here:
 * this checks the answer a caller gets when a cluster refuses a command with RESOURCE_EXHAUSTED.
 */
class EngineBackPressureTest {

    @Test
    void backPressureFromTheEngineIsAnswered503WithRetryAfter() {
        ClientStatusException exhausted = new ClientStatusException(
                Status.RESOURCE_EXHAUSTED.withDescription(
                        "Expected to handle gRPC request, but request could not be processed"),
                null);

        ResponseEntity<ProblemDetail> answer = new ApiProblems().engineUnavailable(exhausted);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).endsWith("/engine-unavailable");
    }
}
