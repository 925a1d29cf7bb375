package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.security.ApiKeyHash;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RuntimeDefaultsTest {

    private static final String DEV_SHOP_HASH = "nurture.security.api-clients.dev-shop.key-sha256";

    @Test
    void localModeAcceptsTheDocumentedDevKeys() {
        MockEnvironment environment = defaultsFor("local");

        assertThat(environment.getProperty(DEV_SHOP_HASH)).isEqualTo(ApiKeyHash.of(RuntimeDefaults.DEV_INTEGRATION_KEY));
        assertThat(environment.getProperty("nurture.security.api-clients.dev-staff.roles")).isEqualTo("staff");
    }

    @Test
    void clusterModeHasNoDevKeys() {
        MockEnvironment environment = defaultsFor("cluster");

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isFalse();
    }

    @Test
    void devKeysCanBeSwitchedOffInLocalMode() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("nurture.security.dev-keys", "false");

        new RuntimeDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isFalse();
    }

    private static MockEnvironment defaultsFor(String mode) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", mode)
                .withProperty("spring.mail.host", "mail.example");
        new RuntimeDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
