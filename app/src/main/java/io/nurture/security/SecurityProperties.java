package io.nurture.security;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiClients every system or tool allowed to call the API, by name: the SHA-256 of its key
 *     and its roles
 */
@ConfigurationProperties("nurture.security")
record SecurityProperties(Map<String, ApiClient> apiClients) {

    SecurityProperties {
        apiClients = apiClients == null ? Map.of() : Map.copyOf(apiClients);
    }

    record ApiClient(String keySha256, Set<Role> roles) {}
}
