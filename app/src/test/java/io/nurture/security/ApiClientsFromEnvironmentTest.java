package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/** The compose file and docs/security.md configure API clients through environment variables only. */
class ApiClientsFromEnvironmentTest {

    @Test
    void clientsConfiguredAsEnvironmentVariablesAuthenticate() {
        ApiKeys keys = keysFrom(Map.of(
                "NURTURE_SECURITY_APICLIENTS_SHOP_KEYSHA256",
                ApiKeyHash.of("shop-key"),
                "NURTURE_SECURITY_APICLIENTS_SHOP_ROLES",
                "integration",
                "NURTURE_SECURITY_APICLIENTS_OPS_KEYSHA256",
                ApiKeyHash.of("ops-key"),
                "NURTURE_SECURITY_APICLIENTS_OPS_ROLES",
                "integration,staff"));

        assertThat(keys.authenticate("shop-key").orElseThrow().getName()).isEqualTo("shop");
        assertThat(keys.authenticate("ops-key").orElseThrow().getAuthorities()).hasSize(2);
    }

    /** Compose cannot run on the build machines: its clients, with an empty .env, are bound here instead. */
    @Test
    void composeFileClientsStartWithAnEmptyEnvFileAndPrometheusHoldsTheMetricsRoleOnly() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
        Map<String, String> environment = new HashMap<>();
        ApiClientsFromEnvironmentTest.<Map<String, Object>>at(compose, "services", "nurture", "environment")
                .forEach((name, value) ->
                        environment.put(name, String.valueOf(value).replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1")));

        ApiKeys keys = keysFrom(environment);

        assertThat(environment).containsEntry("NURTURE_SECURITY_APICLIENTS_PROMETHEUS_ROLES", "metrics");
        assertThat(keys.authenticate("compose-staff-key")).isPresent();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void composePrometheusReadsTheKeyFileItsEntrypointWrites() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
        String prometheusConfig = Files.readString(Path.of("..", "ops", "prometheus", "prometheus.yml"));
        List<String> entrypoint = at(compose, "services", "prometheus", "entrypoint");

        assertThat(prometheusConfig).contains("files: [\"/tmp/metrics-key\"]");
        assertThat(entrypoint.get(2)).contains("> /tmp/metrics-key").contains("$$NURTURE_METRICS_KEY");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    private static ApiKeys keysFrom(Map<String, ?> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment
                .getPropertySources()
                .replace(name, new SystemEnvironmentPropertySource(name, Map.copyOf(variables)));
        SecurityProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("nurture.security", SecurityProperties.class)
                .get();
        return new ApiKeys(properties);
    }
}
