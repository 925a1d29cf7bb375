package io.nurture.processes.cpt;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the Camunda Process Test suite where a real Camunda runtime can be had: Camunda's
 * Testcontainers runtime when a Docker engine answers, or a remote runtime when
 * {@code camunda.process-test.runtime-mode=remote} is set (system property or the environment
 * variable {@code CAMUNDA_PROCESSTEST_RUNTIMEMODE}). Otherwise the suite is skipped with one line
 * saying why; the embedded-engine process tests cover the same paths.
 */
class CamundaRuntimeAvailable implements ExecutionCondition {

    static final String REMOTE = "remote";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (REMOTE.equals(runtimeMode())) {
            return ConditionEvaluationResult.enabled("using the remote Camunda runtime");
        }
        if (dockerAvailable()) {
            return ConditionEvaluationResult.enabled("using Camunda's Testcontainers runtime");
        }
        String reason = "Camunda Process Test skipped: no Docker engine for the Testcontainers runtime and no remote "
                + "runtime configured (camunda.process-test.runtime-mode=remote)";
        System.out.println(context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static String runtimeMode() {
        return Optional.ofNullable(System.getProperty("camunda.process-test.runtime-mode"))
                .orElse(System.getenv("CAMUNDA_PROCESSTEST_RUNTIMEMODE"));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }
}
