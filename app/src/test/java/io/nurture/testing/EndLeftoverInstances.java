package io.nurture.testing;

import io.camunda.client.CamundaClient;
import java.util.concurrent.CompletableFuture;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test class, the process instances it left open (orders waiting for their delivery,
 * journeys waiting on timers) are cancelled. The in-memory engine copies its whole state for every
 * lookup a command makes, so each instance left open made every later command of every later class
 * slower: with the whole suite's instances open, a third of the in-JVM tests' CPU went to those
 * copies (JFR), and the last classes' steps outlasted their job timeouts on a busy machine. No test
 * depends on another class's instances; what they wrote to the database stays.
 */
class EndLeftoverInstances implements TestExecutionListener {

    @Override
    public void afterTestClass(TestContext testContext) {
        var app = testContext.getApplicationContext();
        CamundaClient client = app.getBean(CamundaClient.class);
        CompletableFuture.allOf(app.getBean(EngineRecords.class).openRootInstances().stream()
                        .map(instance -> client.newCancelInstanceCommand(instance)
                                .send()
                                .toCompletableFuture()
                                // One that ended meanwhile is rejected: ended is what was wanted.
                                .exceptionally(ended -> null))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
