package io.nurture.testing;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.nurture.security.SliceClient;
import io.nurture.testkit.NurtureClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an integration test injects besides the app's own beans. Imported by
 * {@link NurtureIntegrationTest}, not component-scanned: apps started as child processes from the
 * test classpath have no in-memory engine to read. The client and the shop are lazy: the port is
 * known only once the server has started, and test instances are injected after that.
 */
class TestKit {

    @Bean
    @Lazy
    NurtureClient nurtureClient(Environment environment) {
        return new NurtureClient(
                environment.getRequiredProperty("local.server.port", Integer.class), SliceClient.HARNESS_KEY);
    }

    @Bean
    EngineRecords engineRecords(ZeebeTestEngine engine, JdbcClient db) {
        return new EngineRecords(engine, db);
    }

    @Bean
    @Lazy
    Shop shop(NurtureClient nurtureClient, Clock clock, EngineRecords engineRecords) {
        return new Shop(nurtureClient, clock, Shop.PATIENCE, engineRecords::whereItIs);
    }

    @Bean
    @Lazy
    EventFeed eventFeed(NurtureClient nurtureClient, Clock clock, Tables tables) {
        return new EventFeed(nurtureClient, clock, tables);
    }

    @Bean
    Mailbox mailbox(GreenMail smtp, JdbcClient db) {
        return new Mailbox(smtp, db);
    }

    @Bean
    static WritesOutsideTransactions writesOutsideTransactions() {
        return new WritesOutsideTransactions();
    }

    @Bean
    static CommitFaults commitFaults() {
        return new CommitFaults();
    }

    @Bean
    Tables tables(JdbcClient db) {
        return new Tables(db);
    }
}
