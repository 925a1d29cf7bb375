package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The compose file and the README configure API clients through environment variables only. */
class ApiClientsFromEnvironmentTest {

    @Test
    void clientsConfiguredAsEnvironmentVariablesAuthenticate() {
        StandardEnvironment environment = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, Map.of(
                "NURTURE_SECURITY_APICLIENTS_SHOP_KEYSHA256", ApiKeyHash.of("shop-key"),
                "NURTURE_SECURITY_APICLIENTS_SHOP_ROLES", "integration",
                "NURTURE_SECURITY_APICLIENTS_OPS_KEYSHA256", ApiKeyHash.of("ops-key"),
                "NURTURE_SECURITY_APICLIENTS_OPS_ROLES", "integration,staff")));

        SecurityProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("nurture.security", SecurityProperties.class).get();
        ApiKeys keys = new ApiKeys(properties);

        assertThat(keys.authenticate("shop-key").orElseThrow().getName()).isEqualTo("shop");
        assertThat(keys.authenticate("ops-key").orElseThrow().getAuthorities()).hasSize(2);
    }
}
