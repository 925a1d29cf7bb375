package io.nurture.local;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * What the local runtime adds to "nothing configured": when the engine runs beside Nurture (local,
 * embedded) the Camunda client is pointed at its gateway on loopback and Nurture's own HTTP port
 * listens on loopback too (unless {@code server.address} says otherwise); outside cluster mode,
 * without an SMTP host, mail goes to the in-process SMTP server. A port of 0 means "any free port", resolved here once so every
 * bean agrees on it. Runs after the app's own defaults, which have written the engine mode back in
 * lower case.
 */
public class LocalDefaults implements EnvironmentPostProcessor, Ordered {

    /** Where the parts Nurture runs beside itself listen: never on the network. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Between the app's defaults ({@code LOWEST_PRECEDENCE - 10}) and unordered post-processors. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 5;

    static final String ENGINE_MODE = "nurture.engine.mode";
    static final String ENGINE_PORT = "nurture.engine.gateway-port";
    static final String DATA_DIR = "nurture.data-dir";
    static final String SMTP_ENABLED = "nurture.mail.embedded-smtp.enabled";
    static final String SMTP_PORT = "nurture.mail.embedded-smtp.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> resolved = new HashMap<>();
        boolean cluster = "cluster".equals(environment.getProperty(ENGINE_MODE, "local"));
        if (!cluster) {
            // The dev keys are documented publicly: a Nurture that takes them answers this machine only.
            // Blank counts as unset: Spring Boot would read it as every interface.
            if (!StringUtils.hasText(environment.getProperty("server.address"))) {
                resolved.put("server.address", LOOPBACK);
            }
            int port = resolvePort(environment.getProperty(ENGINE_PORT, Integer.class, 26500));
            resolved.put(ENGINE_PORT, port);
            resolved.put("camunda.client.mode", "self-managed");
            resolved.put("camunda.client.grpc-address", "http://" + LOOPBACK + ":" + port);
            resolved.put("camunda.client.prefer-rest-over-grpc", false);
        }
        if (!cluster && !environment.containsProperty("spring.mail.host")) {
            int port = resolvePort(environment.getProperty(SMTP_PORT, Integer.class, 2525));
            resolved.put(SMTP_ENABLED, true);
            resolved.put(SMTP_PORT, port);
            resolved.put("spring.mail.host", LOOPBACK);
            resolved.put("spring.mail.port", port);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("nurtureLocalDefaults", resolved));
    }

    /**
     * After the app's defaults (the engine mode parsed once), and before the Camunda client's own
     * post-processor (unordered, so last): that one reads {@code camunda.client.mode} to load the
     * self-managed defaults, its REST address among them.
     */
    @Override
    public int getOrder() {
        return ORDER;
    }

    private static int resolvePort(int configured) {
        return configured != 0 ? configured : FreePorts.any();
    }
}
