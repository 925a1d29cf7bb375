package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhenBackTest {

    @Test
    void aFailingActionNeitherFailsTheRestartNorKeepsTheOthersFromRunning() {
        List<String> ran = new ArrayList<>();
        WhenBack whenBack = new WhenBack();
        whenBack.add(() -> ran.add("client reconnects"));
        whenBack.add(() -> {
            throw new IllegalStateException("the outbox's database is down");
        });
        whenBack.add(() -> ran.add("outbox retries"));

        assertThatCode(whenBack::run).doesNotThrowAnyException();
        assertThat(ran).containsExactly("client reconnects", "outbox retries");
    }
}
