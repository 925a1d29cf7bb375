package io.nurture.runtime;

import io.nurture.security.ApiKeyHash;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns "nothing configured" into a running system: the engine mode is read once and written back in
 * lower case ({@link EngineMode}), and when the engine runs beside Nurture (local, embedded) two
 * development API keys exist unless switched off. What local mode runs beside Nurture (its broker's
 * gateway, the in-process SMTP server) is set up by the local runtime's own defaults
 * ({@code io.nurture.local.LocalDefaults}, after these); a jar without that runtime, the cluster
 * jar, needs the engine, the database and the mail server configured, and says so.
 */
public class RuntimeDefaults implements EnvironmentPostProcessor, Ordered {

    static final String ENGINE_MODE = "nurture.engine.mode";
    static final String DEV_KEYS = "nurture.security.dev-keys";
    /** Documented in docs/security.md like a payment provider's test tokens: they never exist in cluster mode, whatever its case. */
    public static final String DEV_INTEGRATION_KEY = "dev-integration-key";

    public static final String DEV_STAFF_KEY = "dev-staff-key";

    private static final String SERVER_ADDRESS = "server.address";
    private static final String LOCAL_RUNTIME = "io.nurture.local.LocalDefaults";
    private static final String API_DOCS = "springdoc.api-docs.enabled";
    private static final String SWAGGER_UI = "springdoc.swagger-ui.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> resolved = new HashMap<>();
        EngineMode mode = EngineMode.parse(environment.getProperty(ENGINE_MODE, EngineMode.LOCAL.value()));
        resolved.put(ENGINE_MODE, mode.value());
        requireLocalParts(mode);
        if (mode.besideNurture() && environment.getProperty(DEV_KEYS, Boolean.class, true)) {
            refuseBeyondThisMachine(environment.getProperty(SERVER_ADDRESS));
            resolved.put(DEV_KEYS, true);
            addDevKey(resolved, "dev-shop", DEV_INTEGRATION_KEY, "integration");
            addDevKey(resolved, "dev-staff", DEV_STAFF_KEY, "staff");
        }
        if (mode == EngineMode.CLUSTER) {
            // A shop's API description is its own business: served by a deployment only when it says so.
            resolved.put(API_DOCS, environment.getProperty(API_DOCS, "false"));
            resolved.put(SWAGGER_UI, environment.getProperty(SWAGGER_UI, "false"));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("nurtureRuntimeDefaults", resolved));
    }

    /**
     * The dev keys are published: with them, an app that other machines reach is an app anyone
     * reaches. Unset or blank, the local runtime's defaults make the address loopback (blank would
     * otherwise mean every interface).
     */
    private static void refuseBeyondThisMachine(String address) {
        if (!StringUtils.hasText(address)) {
            return;
        }
        Optional<InetAddress> resolved = resolve(address);
        if (resolved.isPresent() && resolved.get().isLoopbackAddress()) {
            return;
        }
        String problem = resolved.isPresent()
                ? " lets other machines reach Nurture"
                : " does not resolve to an address of this machine's loopback";
        throw new IllegalStateException(SERVER_ADDRESS + "=" + address + problem + ", and Nurture accepts the publicly"
                + " documented development API keys in this mode: set " + DEV_KEYS
                + "=false (NURTURE_SECURITY_DEVKEYS) and API clients of your own (docs/security.md), or leave "
                + SERVER_ADDRESS + " unset");
    }

    private static Optional<InetAddress> resolve(String address) {
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException unresolvable) {
            return Optional.empty();
        }
    }

    /** Before the local runtime's defaults, which read the mode as written back here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    /**
     * The cluster jar has no local runtime: it runs no engine beside Nurture, and says so. The database
     * and mail server cluster mode needs in either jar are {@link ClusterModeParts}' to check.
     */
    private static void requireLocalParts(EngineMode mode) {
        if (mode.besideNurture() && !present(LOCAL_RUNTIME)) {
            throw new IllegalStateException(
                    "This jar has no local broker (it is the cluster jar): set "
                            + "nurture.engine.mode=cluster (NURTURE_ENGINE_MODE) and camunda.client.*, or run nurture-app-*-local.jar");
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
}
