package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Cluster mode never falls back on local mode's embedded database or in-process SMTP server. */
class ClusterModePartsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ClusterModeParts.class);

    @Test
    void clusterModeWithoutItsOwnSmtpServerRefusesToStartRatherThanDropTheShopsMail() {
        context.withPropertyValues(
                        "nurture.engine.mode=cluster", "spring.datasource.url=jdbc:mysql://db.example/nurture")
                .run(started -> assertThat(started).getFailure().hasMessageContaining("spring.mail.host"));
    }

    @Test
    void clusterModeWithoutItsOwnDatabaseRefusesToStartRatherThanKeepOrdersInAnEmbeddedOne() {
        context.withPropertyValues("nurture.engine.mode=cluster", "spring.mail.host=mail.example")
                .run(started -> assertThat(started).getFailure().hasMessageContaining("spring.datasource.url"));
    }

    @Test
    void clusterModeWithItsOwnPartsStarts() {
        context.withPropertyValues(
                        "nurture.engine.mode=cluster",
                        "spring.datasource.url=jdbc:mysql://db.example/nurture",
                        "spring.mail.host=mail.example")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void localModeNeedsNeither() {
        context.withPropertyValues("nurture.engine.mode=local")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
